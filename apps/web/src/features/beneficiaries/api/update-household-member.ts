import { HouseholdMember, type UpdateHouseholdMemberInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** PUT /beneficiaries/:id/household-members/:memberId, on the version read. */
export const updateHouseholdMember = async (id: string, memberId: string, body: UpdateHouseholdMemberInput): Promise<HouseholdMember> =>
  HouseholdMember.parse(
    await apiSend<unknown>('PUT', `/beneficiaries/${encodeURIComponent(id)}/household-members/${encodeURIComponent(memberId)}`, body),
  );

export function useUpdateHouseholdMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: UpdateHouseholdMemberInput }) => updateHouseholdMember(id, memberId, body),
    // Also after a refusal (stale version): show what the household holds now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: beneficiaryKeys.household(id) }),
  });
}
