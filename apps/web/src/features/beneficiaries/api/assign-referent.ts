import { Beneficiary } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { recordOwnWrite } from './file-version';
import { beneficiaryKeys } from './keys';

/** POST /beneficiaries/:id/referents: an agent becomes referent (themself, or anyone for a manager). */
export const assignReferent = async (id: string, membershipId: string): Promise<Beneficiary> =>
  Beneficiary.parse(await apiSend<unknown>('POST', `/beneficiaries/${encodeURIComponent(id)}/referents`, { membershipId }));

export function useAssignReferent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => assignReferent(id, membershipId),
    onMutate: () => queryClient.getQueryData<Beneficiary>(beneficiaryKeys.detail(id))?.version,
    onSuccess: (updated, _membershipId, previousVersion) => {
      if (previousVersion !== undefined) recordOwnWrite(id, previousVersion, updated.version);
      queryClient.setQueryData(beneficiaryKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.lists() });
    },
  });
}
