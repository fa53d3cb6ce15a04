import type { Permission, Role, Site } from '@ccas/shared';

/** The authenticated member serving a request: identity from the token, the rest from the database. */
export interface AuthUser {
  subject: string;
  sessionId: string | undefined;
  membershipId: string;
  tenantId: string;
  tenantName: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  permissions: Permission[];
  sites: Site[];
  otherTenants: { id: string; name: string }[];
}
