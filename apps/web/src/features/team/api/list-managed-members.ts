import { ManagedMember } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { listAllMembers } from './list-all-members';
import { teamKeys } from './list-team-members';

/** The whole team, as its administrator keeps it: invited, active and deactivated members. */
export const listManagedMembers = (signal?: AbortSignal): Promise<ManagedMember[]> => listAllMembers(ManagedMember, signal);

export const managedMembersQueryOptions = () => queryOptions({ queryKey: teamKeys.managed(), queryFn: ({ signal }) => listManagedMembers(signal) });

export const useManagedMembers = () => useQuery(managedMembersQueryOptions());
