import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** DELETE /beneficiaries/:id/household-members/:memberId (204). */
export const deleteHouseholdMember = (id: string, memberId: string): Promise<void> =>
  apiSend<void>('DELETE', `/beneficiaries/${encodeURIComponent(id)}/household-members/${encodeURIComponent(memberId)}`);

export function useDeleteHouseholdMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => deleteHouseholdMember(id, memberId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: beneficiaryKeys.household(id) }),
  });
}
