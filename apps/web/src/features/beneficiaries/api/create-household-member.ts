import { HouseholdMember, type HouseholdMemberInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** POST /beneficiaries/:id/household-members. */
export const createHouseholdMember = async (id: string, body: HouseholdMemberInput): Promise<HouseholdMember> =>
  HouseholdMember.parse(await apiSend<unknown>('POST', `/beneficiaries/${encodeURIComponent(id)}/household-members`, body));

export function useCreateHouseholdMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdMemberInput) => createHouseholdMember(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: beneficiaryKeys.household(id) }),
  });
}
