import { ManagedMember, type UpdateMemberInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { meKeys } from '../../me/api/get-me';
import { teamKeys } from './list-team-members';

/** PATCH /users/:id: changes a member's names, roles or sites, deactivates or reactivates them. */
export const updateMember = async (id: string, body: UpdateMemberInput): Promise<ManagedMember> =>
  ManagedMember.parse(await apiSend<unknown>('PATCH', `/users/${encodeURIComponent(id)}`, body));

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMemberInput }) => updateMember(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      // The administrator may have changed their own roles or sites.
      void queryClient.invalidateQueries({ queryKey: meKeys.all });
    },
  });
}
