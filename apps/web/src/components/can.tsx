import type { Permission } from '@ccas/shared';
import type { ReactNode } from 'react';
import { useMe } from '../features/me/api/get-me';

/**
 * Whether the signed-in member holds a permission (the shared role → permission map the API enforces).
 * Only decides what is shown: the API refuses anything else anyway.
 */
export function useCan(): (permission: Permission) => boolean {
  const { data: me } = useMe();
  return (permission) => me?.permissions.includes(permission) ?? false;
}

/** Renders its children only for members holding the permission. */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan()(permission) ? children : null;
}
