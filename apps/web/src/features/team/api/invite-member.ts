import { type InviteMemberInput, ManagedMember } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { teamKeys } from './list-team-members';

/** POST /users: invites a person by email, with their roles and sites. */
export const inviteMember = async (body: InviteMemberInput): Promise<ManagedMember> => ManagedMember.parse(await apiSend<unknown>('POST', '/users', body));

export function useInviteMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteMember,
    // The administration table and the colleagues offered in pickers.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.all }),
  });
}
