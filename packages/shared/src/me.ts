import { z } from 'zod';
import { PERMISSIONS } from './permissions.js';
import { Role } from './roles.js';

export const Site = z.object({ id: z.uuid(), name: z.string() });
export type Site = z.infer<typeof Site>;

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  tenant: z.object({ id: z.uuid(), name: z.string() }),
  roles: z.array(Role),
  permissions: z.array(z.enum(PERMISSIONS)),
  sites: z.array(Site),
  /** Other tenants this person belongs to (a person may work for several CCAS). */
  otherTenants: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type Me = z.infer<typeof Me>;
