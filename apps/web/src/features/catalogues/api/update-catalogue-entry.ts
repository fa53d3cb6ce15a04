import { CatalogueEntry, type CatalogueKind, type UpdateCatalogueEntryInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

/** PATCH /catalogues/:kind/:id: renames, recategorises, retires or brings back an entry. */
export const updateCatalogueEntry = async (kind: CatalogueKind, id: string, body: UpdateCatalogueEntryInput): Promise<CatalogueEntry> =>
  CatalogueEntry.parse(await apiSend<unknown>('PATCH', `/catalogues/${kind}/${encodeURIComponent(id)}`, body));

export function useUpdateCatalogueEntry(kind: CatalogueKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCatalogueEntryInput }) => updateCatalogueEntry(kind, id, body),
    // Both lists: the administration table and the entries the procedure form offers.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
}
