import { Referral, type ReferralStatus } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from '../../beneficiaries/api/keys';
import { digitalInclusionKeys } from './keys';

export interface ReferralStatusChange {
  referral: Pick<Referral, 'id' | 'version' | 'beneficiaryId'>;
  status: ReferralStatus;
}

/** PATCH /referrals/:id {version, status}: where the referral stands now. */
export const updateReferralStatus = async ({ referral, status }: ReferralStatusChange): Promise<Referral> =>
  Referral.parse(await apiSend<unknown>('PATCH', `/referrals/${encodeURIComponent(referral.id)}`, { version: referral.version, status }));

export function useUpdateReferralStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateReferralStatus,
    // Also after a refusal (a stale version): the list then shows what the other worker saved. Awaited,
    // so that the status select never shows the former status after the confirmation.
    onSettled: (_saved, _error, { referral }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: digitalInclusionKeys.referrals(referral.beneficiaryId) }),
        queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(referral.beneficiaryId) }),
      ]),
  });
}
