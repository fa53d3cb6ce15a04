import { SiteDetail, type UpdateSiteInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { siteKeys } from './list-sites';

/** PATCH /sites/:id: renames a site or changes its address. */
export const updateSite = async (id: string, body: UpdateSiteInput): Promise<SiteDetail> =>
  SiteDetail.parse(await apiSend<unknown>('PATCH', `/sites/${encodeURIComponent(id)}`, body));

export function useUpdateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSiteInput }) => updateSite(id, body),
    // Every list of sites (pickers, filters) shows the new name.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: siteKeys.all }),
  });
}
