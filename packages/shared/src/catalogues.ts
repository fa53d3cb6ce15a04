import { z } from 'zod';
import { enumOf, requiredText } from './fields.js';
import { PageQuery, QueryFlag } from './pagination.js';

/** Aidants Connect's ten mandate scopes: the categories of organisms and procedure types. */
export const CATEGORY_LABELS = {
  papiers: 'Papiers, citoyenneté',
  famille: 'Famille, scolarité',
  social: 'Social, santé',
  travail: 'Travail, formation',
  logement: 'Logement',
  transports: 'Transports',
  argent: 'Argent, impôts, consommation',
  justice: 'Justice',
  etranger: 'Étrangers',
  loisirs: 'Loisirs, sports, culture',
} as const;
export const Category = enumOf(CATEGORY_LABELS);
export type Category = z.infer<typeof Category>;

export const CATALOGUE_KIND_LABELS = { organism: 'Organismes', 'procedure-type': 'Types de démarche' } as const;
export const CatalogueKind = enumOf(CATALOGUE_KIND_LABELS);
export type CatalogueKind = z.infer<typeof CatalogueKind>;

export const CatalogueEntry = z.object({
  id: z.uuid(),
  kind: CatalogueKind,
  /** Set on the entries every tenant starts with; null on a tenant's own. */
  code: z.string().nullable(),
  label: z.string(),
  category: Category.nullable(),
  /** Retired entries are offered no more but stay on the records that use them. */
  retired: z.boolean(),
  /** How many procedures the reader logged with it in the last 12 months: forms list the most used first. */
  usedByMe: z.number().int(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const CatalogueQuery = PageQuery.extend({
  includeRetired: QueryFlag.optional(),
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const CreateCatalogueEntryInput = z.strictObject({ label: requiredText(120), category: Category.nullable() });
export type CreateCatalogueEntryInput = z.infer<typeof CreateCatalogueEntryInput>;

export const UpdateCatalogueEntryInput = z
  .strictObject({ label: requiredText(120), category: Category.nullable(), retired: z.boolean() })
  .partial();
export type UpdateCatalogueEntryInput = z.infer<typeof UpdateCatalogueEntryInput>;
