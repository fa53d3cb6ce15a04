import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@ccas/shared';

/** How a route may be reached. Every route declares one; the guard refuses routes that do not. */
export type Access = { kind: 'public' } | { kind: 'member' } | { kind: 'permission'; anyOf: Permission[] };
export const ACCESS_KEY = 'ccas:access';

const documented = (access: Access) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, access),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Jeton absent, expiré ou invalide' }),
    ApiForbiddenResponse({ description: 'Adhésion inactive ou permission manquante' }),
  );

/** Any authenticated, active member of a tenant. */
export const Authenticated = () => documented({ kind: 'member' });

/** An active member holding one of `anyOf` through their roles (packages/shared map). */
export const Requires = (...anyOf: [Permission, ...Permission[]]) => documented({ kind: 'permission', anyOf });

/** No token needed (health check). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);
