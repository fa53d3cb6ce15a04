import { z } from 'zod';
import { enumOf, optionalText, PastInstant, PersonRef, uniqueList, Version } from './fields.js';
import { Category } from './catalogues.js';
import { PageQuery, QueryFlag } from './pagination.js';

// Procedures done for or with a person ("démarches faites à la place de").

export const PROCEDURE_MODE_LABELS = {
  A_LA_PLACE: 'Faite à la place de la personne',
  AVEC: 'Faite avec la personne',
  ORIENTATION: 'Montrée ou orientée pour la faire seul·e',
} as const;
export const ProcedureMode = enumOf(PROCEDURE_MODE_LABELS);
export type ProcedureMode = z.infer<typeof ProcedureMode>;

/** Why the person could not do it alone. */
export const PROCEDURE_REASON_LABELS = {
  NO_EQUIPMENT: 'Pas d’équipement',
  NO_SKILLS: 'Pas les compétences numériques',
  LANGUAGE: 'Barrière de la langue',
  DISABILITY: 'Handicap ou santé',
  URGENCY: 'Urgence',
  NO_CREDENTIALS: 'Pas d’identifiants ni de FranceConnect',
  ACCOUNT_BLOCKED: 'Compte bloqué',
} as const;
export const ProcedureReason = enumOf(PROCEDURE_REASON_LABELS);

export const CONSENT_LABELS = {
  ORAL: 'Accord oral recueilli',
  WRITTEN: 'Accord écrit',
  MANDATE: 'Mandat (par exemple Aidants Connect)',
} as const;
export const Consent = enumOf(CONSENT_LABELS);

export const PROCEDURE_OUTCOME_LABELS = {
  DONE: 'Réalisée',
  PENDING_DOCUMENTS: 'En attente de pièces',
  FAILED: 'Échec',
  TO_FOLLOW_UP: 'À suivre',
} as const;
export const ProcedureOutcome = enumOf(PROCEDURE_OUTCOME_LABELS);
export type ProcedureOutcome = z.infer<typeof ProcedureOutcome>;

/** Outcomes that keep a procedure in its agent's to-do list until it is closed. */
export const TO_DO_OUTCOMES: readonly ProcedureOutcome[] = ['PENDING_DOCUMENTS', 'TO_FOLLOW_UP'];

/**
 * A person's passwords are never kept. A note is refused when a credential word ("mot de passe",
 * "mdp", "password", "code secret"…) is followed by a value: anything after ":" or "=", or a word
 * holding a digit or a symbol ("Soleil2024", "Azerty!"). "Mot de passe oublié, réinitialisé avec
 * Mme" stays possible.
 */
const CREDENTIAL = new RegExp(
  String.raw`\b(?:mots?\s+de\s+passe|mdp|passwords?|passwd|pwd|code\s+(?:secret|confidentiel))` +
    String.raw`\s*(?:[:=]\s*\S+|(?:\s+(?:est|c'est))?\s+\S*[\d@#$%&*!?+=_/\\-]\S*)`,
  'i',
);
export const looksLikeCredential = (text: string) => CREDENTIAL.test(text);

const ProcedureNote = optionalText(5000).refine((note) => note === null || !looksLikeCredential(note), {
  message: 'Ne notez jamais les mots de passe ou identifiants de la personne.',
});

const procedureShape = {
  occurredAt: PastInstant,
  organismId: z.uuid(),
  procedureTypeId: z.uuid(),
  mode: ProcedureMode,
  reasons: uniqueList(ProcedureReason, 7),
  consent: Consent,
  /** The mandate's reference, e.g. an Aidants Connect mandate number; required with a mandate. */
  mandateReference: optionalText(100),
  durationMinutes: z.number().int().min(1).max(24 * 60).nullable(),
  outcome: ProcedureOutcome,
  note: ProcedureNote,
};
const mandateHasReference = (procedure: { consent?: string; mandateReference?: string | null }) =>
  procedure.consent !== 'MANDATE' || Boolean(procedure.mandateReference);
const mandateReference = { message: 'Indiquez la référence du mandat.', path: ['mandateReference'] };

export const CreateProcedureInput = z
  .strictObject({
    beneficiaryId: z.uuid(),
    ...procedureShape,
    // The usual case is logging what was just done.
    occurredAt: PastInstant.optional(),
    reasons: procedureShape.reasons.default([]),
    mandateReference: procedureShape.mandateReference.default(null),
    durationMinutes: procedureShape.durationMinutes.default(null),
    note: ProcedureNote.default(null),
  })
  .refine(mandateHasReference, mandateReference);
export type CreateProcedureInput = z.input<typeof CreateProcedureInput>;

/** Changes the fields sent; `closed` takes a procedure out of (or back into) the to-do list. */
export const UpdateProcedureInput = z
  .strictObject({ version: Version, ...procedureShape, closed: z.boolean() })
  .partial()
  .required({ version: true });
export type UpdateProcedureInput = z.infer<typeof UpdateProcedureInput>;

const CatalogueRef = z.object({ id: z.uuid(), label: z.string(), category: Category.nullable(), retired: z.boolean() });

export const Procedure = z.object({
  id: z.uuid(),
  version: z.number().int(),
  beneficiary: z.object({ id: z.uuid(), fileNumber: z.number().int(), name: z.string() }),
  agent: PersonRef,
  occurredAt: z.iso.datetime(),
  organism: CatalogueRef,
  procedureType: CatalogueRef,
  mode: ProcedureMode,
  reasons: z.array(ProcedureReason),
  consent: Consent,
  mandateReference: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  outcome: ProcedureOutcome,
  note: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** Waiting for documents or a follow-up, and not closed. */
  toDo: z.boolean(),
  /** Only its agent changes a procedure. */
  editable: z.boolean(),
});
export type Procedure = z.infer<typeof Procedure>;

export const ProcedureQuery = PageQuery.extend({
  beneficiaryId: z.uuid().optional(),
  /** `me` for one's own procedures, or a member id. */
  agent: z.union([z.literal('me'), z.uuid()]).optional(),
  /** Only the open procedures waiting for documents or a follow-up (the to-do list). */
  toDo: QueryFlag.optional(),
});
export type ProcedureQuery = z.infer<typeof ProcedureQuery>;
