import type { Beneficiary } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recordOwnWrite } from './file-version';
import { beneficiaryKeys } from './keys';

/**
 * A change of referents, which answers the whole file: the cached file is replaced, and the new
 * version is recorded as the user's own write so that a section form already open is not refused as stale.
 */
export function useReferentMutation(id: string, write: (membershipId: string) => Promise<Beneficiary>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onMutate: () => queryClient.getQueryData<Beneficiary>(beneficiaryKeys.detail(id))?.version,
    onSuccess: (updated, _membershipId, previousVersion) => {
      if (previousVersion !== undefined) recordOwnWrite(id, previousVersion, updated.version);
      queryClient.setQueryData(beneficiaryKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.lists() });
    },
  });
}
