import { z } from 'zod';
import { enumOf, IsoDate, optionalText, PastInstant, PersonRef, requiredText, Version } from './fields.js';

// The journal of a file: interviews ("entretiens") with their follow-up actions.

export const INTERVIEW_CHANNEL_LABELS = {
  IN_PERSON_PLANNED: 'Entretien sur rendez-vous',
  WALK_IN: 'Accueil sans rendez-vous',
  PHONE: 'Téléphone',
  HOME_VISIT: 'Visite à domicile',
  OUTSIDE: 'Hors les murs',
  EMAIL: 'Courriel',
  VIDEO: 'Visioconférence',
} as const;
export const InterviewChannel = enumOf(INTERVIEW_CHANNEL_LABELS);

/** Suggested themes; workers may type their own words too. */
export const INTERVIEW_THEME_SUGGESTIONS = [
  'Accès aux droits',
  'Aide financière',
  'Alimentation',
  'Budget, dettes',
  'Emploi, insertion',
  'Énergie',
  'Famille, parentalité',
  'Logement',
  'Mobilité',
  'Numérique',
  'Papiers, administratif',
  'Santé',
] as const;

export const NOTE_VISIBILITY_LABELS = {
  PRIVATE: 'Note privée : lisible par vous seul·e',
  TEAM: 'Note d’équipe : lisible par les travailleurs sociaux et la direction',
} as const;
export const NoteVisibility = enumOf(NOTE_VISIBILITY_LABELS);
export type NoteVisibility = z.infer<typeof NoteVisibility>;

export const FollowUpAction = z.strictObject({
  label: requiredText(300),
  dueOn: IsoDate.nullable(),
  done: z.boolean().default(false),
});
export type FollowUpAction = z.infer<typeof FollowUpAction>;

const interviewShape = {
  occurredAt: PastInstant,
  channel: InterviewChannel,
  durationMinutes: z.number().int().min(1).max(24 * 60).nullable(),
  themes: z.array(requiredText(60)).max(12),
  summary: optionalText(20_000),
  note: optionalText(20_000),
  noteVisibility: NoteVisibility,
  followUpActions: z.array(FollowUpAction).max(20),
};

export const CreateInterviewInput = z.strictObject({
  ...interviewShape,
  durationMinutes: interviewShape.durationMinutes.default(null),
  themes: interviewShape.themes.default([]),
  summary: interviewShape.summary.default(null),
  note: interviewShape.note.default(null),
  // Confidentiality by default: a note is private until its author shares it with the team.
  noteVisibility: NoteVisibility.default('PRIVATE'),
  followUpActions: interviewShape.followUpActions.default([]),
});
export type CreateInterviewInput = z.input<typeof CreateInterviewInput>;

/** Changes only the fields sent, on the version they were based on. */
export const UpdateInterviewInput = z
  .strictObject({ version: Version, ...interviewShape })
  .partial()
  .required({ version: true });
export type UpdateInterviewInput = z.infer<typeof UpdateInterviewInput>;

/** A note is its author's writing: only they change it or its visibility; managers edit the other fields. */
export const AUTHOR_ONLY_INTERVIEW_FIELDS = ['note', 'noteVisibility'] as const;

export const Interview = z.object({
  id: z.uuid(),
  beneficiaryId: z.uuid(),
  version: z.number().int(),
  author: PersonRef,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  occurredAt: z.iso.datetime(),
  channel: InterviewChannel,
  durationMinutes: z.number().int().nullable(),
  themes: z.array(z.string()),
  summary: z.string().nullable(),
  /** Both null when there is no note the reader may see: none written, or someone else's private note. */
  note: z.string().nullable(),
  noteVisibility: NoteVisibility.nullable(),
  followUpActions: z.array(FollowUpAction),
  /** What the reader may change: everything (author), shared fields only (manager), nothing. */
  editable: z.enum(['all', 'shared', 'none']),
});
export type Interview = z.infer<typeof Interview>;

/** One change to an interview: who, when, which fields, and the former shared values (never a note's text). */
export const InterviewRevision = z.object({
  id: z.uuid(),
  revisedAt: z.iso.datetime(),
  revisedBy: PersonRef,
  changedFields: z.array(z.string()),
  previous: z.record(z.string(), z.unknown()),
});
export type InterviewRevision = z.infer<typeof InterviewRevision>;

export const INTERVIEW_FIELD_LABELS: Record<string, string> = {
  occurredAt: 'Date',
  channel: 'Canal',
  durationMinutes: 'Durée',
  themes: 'Thèmes',
  summary: 'Synthèse',
  note: 'Note',
  noteVisibility: 'Visibilité de la note',
  followUpActions: 'Actions à suivre',
};
