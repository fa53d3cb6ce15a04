import { z } from 'zod';
import { Appointment } from './appointments.js';
import { AccessLogEntry, Beneficiary, HouseholdMember } from './beneficiaries.js';
import { DigitalAssessment } from './digital-assessments.js';
import { PersonRef } from './fields.js';
import { Interview } from './interviews.js';
import { Procedure } from './procedures.js';
import { Referral } from './referrals.js';

// Right of access (RGPD art. 15): everything the CCAS holds about one person, in one readable file.

export const ACCESS_EXPORT_FORMAT_LABELS = { html: 'Document imprimable (HTML)', json: 'Données structurées (JSON)' } as const;
export const AccessExportFormat = z.enum(['json', 'html']);
export type AccessExportFormat = z.infer<typeof AccessExportFormat>;

export const AccessExportQuery = z.strictObject({ format: AccessExportFormat.default('json') });
export type AccessExportQuery = z.infer<typeof AccessExportQuery>;

/**
 * Why some notes are missing: a private note is readable by its author only — the database itself
 * hides it from everyone else, the manager who produces the export included.
 */
export const PRIVATE_NOTES_RULE =
  'Les notes privées d’entretien ne sont lisibles que par le professionnel qui les a écrites : ' +
  'ce document ne contient donc pas les notes privées rédigées par d’autres personnes que celle qui l’a produit. ' +
  'Les notes d’équipe, partagées entre travailleurs sociaux et direction, y figurent. ' +
  'Pour obtenir une note privée, la personne peut s’adresser au professionnel qui l’a rédigée ou à la direction du CCAS.';

export const AccessExport = z.object({
  generatedAt: z.iso.datetime(),
  generatedBy: PersonRef,
  organisation: z.object({ name: z.string() }),
  privateNotesRule: z.string(),
  file: Beneficiary,
  household: z.array(HouseholdMember.omit({ version: true })),
  /** Newest first, like everything below. */
  interviews: z.array(Interview.omit({ editable: true, version: true })),
  procedures: z.array(Procedure.omit({ editable: true, version: true })),
  digitalAssessments: z.array(DigitalAssessment),
  referrals: z.array(Referral.omit({ version: true })),
  appointments: z.array(Appointment.omit({ version: true })),
  /** Who opened or changed the file, this export included. */
  accessLog: z.array(AccessLogEntry),
});
export type AccessExport = z.infer<typeof AccessExport>;
