import type { CatalogueKind } from '@ccas/shared';

/** Query keys of the tenant's catalogues (organisms, procedure types). */
export const catalogueKeys = {
  all: ['catalogues'] as const,
  list: (kind: CatalogueKind) => [...catalogueKeys.all, kind] as const,
};
