import type { Role } from './roles.js';

/**
 * Every permission the product knows. Routes declare one of these; the web shows navigation and
 * actions from the same list, so both sides always agree.
 */
export const PERMISSIONS = [
  'beneficiary:search',
  'beneficiary:create',
  'beneficiary:read',
  'beneficiary:update',
  'beneficiary:update-identity',
  'interview:write',
  'interview:edit-shared',
  'referent:assign',
  'referent:assign-others',
  'appointment:read',
  'appointment:manage',
  'procedure:read',
  'procedure:write',
  'procedure:write-orientation',
  'digital-inclusion:write',
  'dashboard:read',
  'dashboard:personal',
  'export:run',
  'audit:read',
  'users:manage',
  'sites:manage',
  'catalogues:manage',
  'settings:manage',
  'retention:review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The role → permission map, read like the table in PRODUCT.md. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Front desk: find a person, create a minimal file, book appointments. No situation, no notes.
  ACCUEIL: [
    'beneficiary:search',
    'beneficiary:create',
    'beneficiary:update-identity',
    'appointment:read',
    'appointment:manage',
    'procedure:write-orientation',
  ],
  // Social worker: everything needed for the accompaniment.
  AGENT: [
    'beneficiary:search',
    'beneficiary:create',
    'beneficiary:read',
    'beneficiary:update',
    'beneficiary:update-identity',
    'interview:write',
    'referent:assign',
    'appointment:read',
    'appointment:manage',
    'procedure:read',
    'procedure:write',
    'procedure:write-orientation',
    'digital-inclusion:write',
    'dashboard:personal',
  ],
  // Director: dashboards, exports, referents, administrative data, audit trail.
  MANAGER: [
    'beneficiary:search',
    'beneficiary:read',
    'interview:edit-shared',
    'referent:assign',
    'referent:assign-others',
    'appointment:read',
    'procedure:read',
    'dashboard:read',
    'export:run',
    'audit:read',
    'retention:review',
  ],
  // Tenant administrator: team, sites, catalogues, settings. No social content.
  ADMIN: ['users:manage', 'sites:manage', 'catalogues:manage', 'settings:manage', 'audit:read'],
};

/** All permissions granted by a set of roles, sorted and without duplicates. */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  const granted = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

export function can(user: { roles: readonly Role[] }, permission: Permission): boolean {
  return user.roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
