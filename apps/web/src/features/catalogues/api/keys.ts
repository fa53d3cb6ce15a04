import type { CatalogueKind } from '@ccas/shared';

/** Query keys of the tenant's catalogues (organisms, procedure types). */
export const catalogueKeys = {
  all: ['catalogues'] as const,
  /** The entries still offered (forms), or all of them with the retired ones (administration). */
  list: (kind: CatalogueKind, includeRetired = false) => [...catalogueKeys.all, kind, { includeRetired }] as const,
};
