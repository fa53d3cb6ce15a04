import { createTheme } from '@mantine/core';

// Blue 9 on white passes WCAG AA contrast for text and controls (RGAA 3.2).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
