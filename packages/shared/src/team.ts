import { z } from 'zod';
import { Role } from './roles.js';

/** A colleague as the rest of the team sees them (referent pickers, filters). */
export const TeamMember = z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string(), roles: z.array(Role) });
export type TeamMember = z.infer<typeof TeamMember>;

export const SiteDetail = z.object({ id: z.uuid(), name: z.string(), address: z.string().nullable() });
export type SiteDetail = z.infer<typeof SiteDetail>;
