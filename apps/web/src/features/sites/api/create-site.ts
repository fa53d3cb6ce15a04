import { SiteDetail, type SiteInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { siteKeys } from './list-sites';

/** POST /sites: a new site of the CCAS. */
export const createSite = async (body: SiteInput): Promise<SiteDetail> => SiteDetail.parse(await apiSend<unknown>('POST', '/sites', body));

export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSite, onSuccess: () => queryClient.invalidateQueries({ queryKey: siteKeys.all }) });
}
