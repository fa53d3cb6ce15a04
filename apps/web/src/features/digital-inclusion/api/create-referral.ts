import { type CreateReferralInput, Referral } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from '../../beneficiaries/api/keys';
import { digitalInclusionKeys } from './keys';

/** POST /referrals: orients the person to a partner (PROPOSED unless said otherwise). */
export const createReferral = async (body: CreateReferralInput): Promise<Referral> => Referral.parse(await apiSend<unknown>('POST', '/referrals', body));

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: (referral) => {
      void queryClient.invalidateQueries({ queryKey: digitalInclusionKeys.referrals(referral.beneficiaryId) });
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(referral.beneficiaryId) });
    },
  });
}
