import { CatalogueEntry, type CatalogueKind, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { catalogueKeys } from './keys';

const CataloguePage = page(CatalogueEntry);

/**
 * GET /catalogues/:kind: the entries still offered, the reader's most used first. A catalogue holds a
 * few dozen entries: one page of 100 is all of it.
 */
export const listCatalogue = async (kind: CatalogueKind, signal?: AbortSignal): Promise<CatalogueEntry[]> =>
  CataloguePage.parse(await apiFetch<unknown>(`/catalogues/${kind}${queryString({ limit: 100 })}`, { signal })).items;

export const catalogueQueryOptions = (kind: CatalogueKind) =>
  queryOptions({ queryKey: catalogueKeys.list(kind), queryFn: ({ signal }) => listCatalogue(kind, signal), staleTime: 5 * 60_000 });

export const useCatalogue = (kind: CatalogueKind) => useQuery(catalogueQueryOptions(kind));
