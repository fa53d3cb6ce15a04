import { page, TeamMember } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, queryString } from '../../../lib/api-client';
import { teamKeys } from './list-team-members';

/**
 * GET /users?includeInactive=true, page after page by last name: every member, deactivated ones
 * included, in the shape `schema` reads (the administrator gets the management fields too).
 */
export async function listAllMembers<T>(schema: z.ZodType<T>, signal?: AbortSignal): Promise<T[]> {
  const pageOf = page(schema);
  const members: T[] = [];
  let cursor: string | undefined;
  do {
    const result = pageOf.parse(await apiFetch<unknown>(`/users${queryString({ includeInactive: 'true', limit: 100, cursor })}`, { signal }));
    members.push(...(result.items as T[]));
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return members;
}

/**
 * Everyone who is or was a member, by name only (`audit:read` or `users:manage`): the audit trail
 * is searched for former colleagues too.
 */
export const allTeamMembersQueryOptions = () =>
  queryOptions({ queryKey: teamKeys.everyone(), queryFn: ({ signal }) => listAllMembers(TeamMember, signal), staleTime: 5 * 60_000 });

export const useAllTeamMembers = () => useQuery(allTeamMembersQueryOptions());
