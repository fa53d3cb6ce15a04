import { CatalogueEntry, type CatalogueKind, type CreateCatalogueEntryInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

/** POST /catalogues/:kind: a tenant's own organism or procedure type, offered at once. */
export const createCatalogueEntry = async (kind: CatalogueKind, body: CreateCatalogueEntryInput): Promise<CatalogueEntry> =>
  CatalogueEntry.parse(await apiSend<unknown>('POST', `/catalogues/${kind}`, body));

export function useCreateCatalogueEntry(kind: CatalogueKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCatalogueEntryInput) => createCatalogueEntry(kind, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
}
