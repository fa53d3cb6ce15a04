import { Partner, type UpdatePartnerInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { digitalInclusionKeys } from '../../digital-inclusion/api/keys';
import { partnerKeys } from './keys';

/** PATCH /partners/:id: changes a partner's details, retires it or brings it back. */
export const updatePartner = async (id: string, body: UpdatePartnerInput): Promise<Partner> =>
  Partner.parse(await apiSend<unknown>('PATCH', `/partners/${encodeURIComponent(id)}`, body));

export function useUpdatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePartnerInput }) => updatePartner(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      // The files' suggested digital partners leave a retired one out.
      void queryClient.invalidateQueries({ queryKey: digitalInclusionKeys.digitalPartners() });
    },
  });
}
