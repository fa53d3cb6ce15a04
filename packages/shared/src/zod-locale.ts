import { z } from 'zod';

// Validation messages reach users (API problem details and web forms): French everywhere.
z.config(z.locales.fr());
