import type { ReactNode } from 'react';
import { PageTitle } from '../components/page-title';
import { useMe } from '../features/me/api/get-me';
import type { NavigationEntry } from './navigation';

/** Pages a member may not use say so; the API refuses the data anyway. */
export function RequireAccess({ entry, children }: { entry: Pick<NavigationEntry, 'anyOf'>; children: ReactNode }) {
  const { data: user } = useMe();
  const allowed = entry.anyOf.length === 0 || entry.anyOf.some((p) => user?.permissions.includes(p));
  if (allowed) return children;
  return (
    <>
      <PageTitle>Accès refusé</PageTitle>
      <p>Votre rôle ne donne pas accès à cette page.</p>
    </>
  );
}
