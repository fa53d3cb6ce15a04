import { Beneficiary } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { recordOwnWrite } from './file-version';
import { beneficiaryKeys } from './keys';

/** DELETE /beneficiaries/:id/referents/:membershipId. */
export const removeReferent = async (id: string, membershipId: string): Promise<Beneficiary> =>
  Beneficiary.parse(
    await apiSend<unknown>('DELETE', `/beneficiaries/${encodeURIComponent(id)}/referents/${encodeURIComponent(membershipId)}`),
  );

export function useRemoveReferent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => removeReferent(id, membershipId),
    onMutate: () => queryClient.getQueryData<Beneficiary>(beneficiaryKeys.detail(id))?.version,
    onSuccess: (updated, _membershipId, previousVersion) => {
      if (previousVersion !== undefined) recordOwnWrite(id, previousVersion, updated.version);
      queryClient.setQueryData(beneficiaryKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.lists() });
    },
  });
}
