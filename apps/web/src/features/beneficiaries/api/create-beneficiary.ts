import { Beneficiary, CreateBeneficiaryInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** What the API receives: the form's values read through the shared schema. */
export type CreateBeneficiaryBody = ReturnType<typeof CreateBeneficiaryInput.parse>;

/**
 * POST /beneficiaries. Answers 409 `possible-duplicates` (with the look-alike files) unless
 * `ignoreDuplicates` says the user checked them.
 */
export const createBeneficiary = async (body: CreateBeneficiaryBody): Promise<Beneficiary> =>
  Beneficiary.parse(await apiSend<unknown>('POST', '/beneficiaries', body));

export function useCreateBeneficiary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBeneficiary,
    onSuccess: (created) => {
      queryClient.setQueryData(beneficiaryKeys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: beneficiaryKeys.lists() });
    },
  });
}
