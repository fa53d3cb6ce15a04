import { ManagedMember, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { teamKeys } from './list-team-members';

const ManagedPage = page(ManagedMember);

/** GET /users?includeInactive=true, page after page by last name: the whole team, as its administrator keeps it. */
export async function listManagedMembers(signal?: AbortSignal): Promise<ManagedMember[]> {
  const members: ManagedMember[] = [];
  let cursor: string | undefined;
  do {
    const result = ManagedPage.parse(await apiFetch<unknown>(`/users${queryString({ includeInactive: 'true', limit: 100, cursor })}`, { signal }));
    members.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return members;
}

export const managedMembersQueryOptions = () => queryOptions({ queryKey: teamKeys.managed(), queryFn: ({ signal }) => listManagedMembers(signal) });

export const useManagedMembers = () => useQuery(managedMembersQueryOptions());
