import { page, TeamMember } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const teamKeys = {
  all: ['team'] as const,
  members: () => [...teamKeys.all, 'members'] as const,
  /** Everyone the administrator keeps: invited, active and deactivated. */
  managed: () => [...teamKeys.all, 'managed'] as const,
  /** Active and deactivated members, names only (audit filters). */
  everyone: () => [...teamKeys.all, 'everyone'] as const,
};

const TeamPage = page(TeamMember);

/** Active members of the CCAS with their roles (referent pickers). One page of 100 covers a CCAS team. */
export const listTeamMembers = async (): Promise<TeamMember[]> =>
  TeamPage.parse(await apiFetch<unknown>('/users?limit=100')).items;

export const teamMembersQueryOptions = () =>
  queryOptions({ queryKey: teamKeys.members(), queryFn: listTeamMembers, staleTime: 5 * 60_000 });

export const useTeamMembers = (enabled = true) => useQuery({ ...teamMembersQueryOptions(), enabled });
