import { z } from 'zod';

/** Roles a member holds inside one tenant (see PRODUCT.md, "Users and roles"). */
export const ROLES = ['ACCUEIL', 'AGENT', 'MANAGER', 'ADMIN'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** French labels shown to users. */
export const ROLE_LABELS: Record<Role, string> = {
  ACCUEIL: 'Accueil',
  AGENT: 'Travailleur social',
  MANAGER: 'Direction',
  ADMIN: 'Administration',
};
