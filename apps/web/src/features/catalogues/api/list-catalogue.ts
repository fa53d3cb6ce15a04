import { CatalogueEntry, type CatalogueKind, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

const CataloguePage = page(CatalogueEntry);

/**
 * GET /catalogues/:kind: the entries still offered, the reader's most used first; with `includeRetired`,
 * the retired ones too (administration). A catalogue holds a few dozen entries: one page of 100 is all of it.
 */
export const listCatalogue = async (kind: CatalogueKind, includeRetired = false, signal?: AbortSignal): Promise<CatalogueEntry[]> =>
  CataloguePage.parse(
    await apiFetch<unknown>(`/catalogues/${kind}${queryString({ includeRetired: includeRetired ? 'true' : undefined, limit: 100 })}`, { signal }),
  ).items;

export const catalogueQueryOptions = (kind: CatalogueKind, includeRetired = false) =>
  queryOptions({
    queryKey: catalogueKeys.list(kind, includeRetired),
    queryFn: ({ signal }) => listCatalogue(kind, includeRetired, signal),
    staleTime: 5 * 60_000,
  });

/** The entries a form offers: retired ones left out. */
export const useCatalogue = (kind: CatalogueKind) => useQuery(catalogueQueryOptions(kind));

/** Every entry, retired ones included, for the tenant's administrator. */
export const useCatalogueWithRetired = (kind: CatalogueKind) => useQuery(catalogueQueryOptions(kind, true));
