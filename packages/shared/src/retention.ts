import { z } from 'zod';
import { BeneficiaryStatus } from './beneficiaries.js';
import { IsoDate, PersonRef, requiredText } from './fields.js';
import { PageQuery } from './pagination.js';

// Data protection: how long files and the audit trail are kept, and the review of the files due
// for archiving ("archivage"). Archiving anonymises a file: see docs/data-protection.md.

/** What an anonymised file is called wherever a name is shown (the database stores this label). */
export const ANONYMISED_NAME = 'Personne anonymisée';

export const RETENTION_MONTHS = { min: 12, max: 120, default: 24 } as const;
export const AUDIT_RETENTION_MONTHS = { min: 6, max: 36, default: 12 } as const;

/** GET/PUT /settings/data-protection (ADMIN). */
export const DataProtectionSettingsInput = z.strictObject({
  /** Months without any contact after which a file is due for archiving (24 by default). */
  retentionMonths: z
    .number({ message: 'Indiquez un nombre de mois.' })
    .int({ message: 'Indiquez un nombre entier de mois.' })
    .min(RETENTION_MONTHS.min, { message: `Au moins ${RETENTION_MONTHS.min} mois.` })
    .max(RETENTION_MONTHS.max, { message: `Au plus ${RETENTION_MONTHS.max} mois.` }),
  /** Months the audit trail is kept (12 by default; CNIL: 6 months to 1 year, up to 3 years if justified). */
  auditRetentionMonths: z
    .number({ message: 'Indiquez un nombre de mois.' })
    .int({ message: 'Indiquez un nombre entier de mois.' })
    .min(AUDIT_RETENTION_MONTHS.min, { message: `Au moins ${AUDIT_RETENTION_MONTHS.min} mois.` })
    .max(AUDIT_RETENTION_MONTHS.max, { message: `Au plus ${AUDIT_RETENTION_MONTHS.max} mois.` }),
});
export type DataProtectionSettingsInput = z.infer<typeof DataProtectionSettingsInput>;
export const DataProtectionSettings = DataProtectionSettingsInput;
export type DataProtectionSettings = DataProtectionSettingsInput;

export const RETENTION_REVIEW_STATE_LABELS = { due: 'À archiver', postponed: 'Reportés' } as const;
export const RetentionReviewState = z.enum(['due', 'postponed']);
export type RetentionReviewState = z.infer<typeof RetentionReviewState>;

/** GET /retention/due: files due for archiving (oldest contact first), or the postponed ones. */
export const RetentionDueQuery = PageQuery.extend({ state: RetentionReviewState.default('due') });
export type RetentionDueQuery = z.infer<typeof RetentionDueQuery>;

/** One file of the review list: no name nor contact, the file number leads to the file itself. */
export const RetentionReview = z.object({
  beneficiaryId: z.uuid(),
  fileNumber: z.number().int(),
  status: BeneficiaryStatus,
  site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lastContactAt: z.iso.datetime(),
  /** When the daily job first found the file due. */
  dueSince: z.iso.datetime(),
  postponedUntil: IsoDate.nullable(),
  postponeReason: z.string().nullable(),
  postponedBy: PersonRef.nullable(),
});
export type RetentionReview = z.infer<typeof RetentionReview>;

/** POST /retention/archive: anonymises these files, all or none, in one transaction. */
export const ArchiveFilesInput = z.strictObject({
  beneficiaryIds: z
    .array(z.uuid({ message: 'Identifiant de dossier invalide.' }))
    .min(1, { message: 'Choisissez au moins un dossier.' })
    .max(100, { message: 'Archivez au plus 100 dossiers à la fois.' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Un dossier est répété.' }),
});
export type ArchiveFilesInput = z.infer<typeof ArchiveFilesInput>;

export const ArchiveFilesResult = z.object({
  archived: z.array(z.object({ beneficiaryId: z.uuid(), anonymisedAt: z.iso.datetime() })),
});
export type ArchiveFilesResult = z.infer<typeof ArchiveFilesResult>;

/** POST /retention/postpone: keeps a due file for now, with the reason (shown to the other managers). */
export const PostponeRetentionInput = z.strictObject({
  beneficiaryId: z.uuid({ message: 'Identifiant de dossier invalide.' }),
  reason: requiredText(500),
  /** Until that day (6 months from today when not given), at most 3 years ahead. */
  until: IsoDate.optional(),
});
export type PostponeRetentionInput = z.infer<typeof PostponeRetentionInput>;
