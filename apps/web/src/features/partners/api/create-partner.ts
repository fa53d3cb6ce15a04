import { Partner, type PartnerInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { digitalInclusionKeys } from '../../digital-inclusion/api/keys';
import { partnerKeys } from './keys';

/** POST /partners: a new partner in the tenant's directory. */
export const createPartner = async (body: PartnerInput): Promise<Partner> => Partner.parse(await apiSend<unknown>('POST', '/partners', body));

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartner,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      // A digital partner is suggested in the files' referrals at once.
      void queryClient.invalidateQueries({ queryKey: digitalInclusionKeys.digitalPartners() });
    },
  });
}
