import { z } from 'zod';
import { enumOf, Instant, IsoDate, optionalText, PersonRef, requiredText, uniqueList, Version } from './fields.js';
import { PageQuery, QueryFlag } from './pagination.js';

// Appointments ("rendez-vous"), agendas, absences and opening hours.

export const LOCATION_TYPE_LABELS = {
  public_office: 'Sur place',
  phone: 'Par téléphone',
  home: 'À domicile',
  visio: 'En visio',
} as const;
export const LocationType = enumOf(LOCATION_TYPE_LABELS);
export type LocationType = z.infer<typeof LocationType>;

export const APPOINTMENT_STATUS_LABELS = {
  PLANNED: 'Prévu',
  SEEN: 'Honoré',
  NO_SHOW: 'Absence non excusée',
  EXCUSED: 'Annulé par la personne',
  REVOKED: 'Annulé par le service',
} as const;
export const AppointmentStatus = enumOf(APPOINTMENT_STATUS_LABELS);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** Cancelled appointments free their slot; a cancellation is final (book again instead). */
export const CANCELLED_STATUSES: readonly AppointmentStatus[] = ['EXCUSED', 'REVOKED'];
/** Statuses that say whether the person came: only once the appointment has started. */
export const ATTENDANCE_STATUSES: readonly AppointmentStatus[] = ['SEEN', 'NO_SHOW'];

/**
 * The statuses an appointment may take next. Whether the person came can be corrected (or undone
 * back to planned); a cancellation is final; attendance needs the appointment to have started.
 */
export const APPOINTMENT_STATUS_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  PLANNED: ['SEEN', 'NO_SHOW', 'EXCUSED', 'REVOKED'],
  SEEN: ['NO_SHOW', 'PLANNED'],
  NO_SHOW: ['SEEN', 'PLANNED'],
  EXCUSED: [],
  REVOKED: [],
};

/** The longest appointment, and the most agents one can gather. */
export const MAX_APPOINTMENT_MINUTES = 720;
export const MAX_APPOINTMENT_AGENTS = 5;

// Motifs: the tenant's catalogue of appointment reasons.

const motifShape = {
  label: requiredText(120),
  durationMinutes: z.number().int().min(5).max(480),
  locationType: LocationType,
};
export const MotifInput = z.strictObject(motifShape);
export type MotifInput = z.infer<typeof MotifInput>;
export const UpdateMotifInput = z.strictObject({ ...motifShape, retired: z.boolean() }).partial();
export type UpdateMotifInput = z.infer<typeof UpdateMotifInput>;
export const Motif = z.object({ id: z.uuid(), ...motifShape, label: z.string(), retired: z.boolean() });
export type Motif = z.infer<typeof Motif>;

export const MotifQuery = PageQuery.extend({
  includeRetired: QueryFlag.optional(),
});
export type MotifQuery = z.infer<typeof MotifQuery>;

// Appointments.

const Duration = z.number().int().min(5).max(MAX_APPOINTMENT_MINUTES);

export const CreateAppointmentInput = z.strictObject({
  beneficiaryId: z.uuid(),
  agentIds: uniqueList(z.uuid(), MAX_APPOINTMENT_AGENTS).min(1),
  siteId: z.uuid(),
  motifId: z.uuid(),
  /** The motif's location type when left out. */
  locationType: LocationType.optional(),
  startsAt: Instant,
  /** The motif's duration when left out. */
  durationMinutes: Duration.optional(),
  note: optionalText(2000).default(null),
});
export type CreateAppointmentInput = z.input<typeof CreateAppointmentInput>;

/** Moving or editing: the fields sent change, with the version read. */
export const UpdateAppointmentInput = z.strictObject({
  version: Version,
  agentIds: uniqueList(z.uuid(), MAX_APPOINTMENT_AGENTS).min(1).optional(),
  siteId: z.uuid().optional(),
  motifId: z.uuid().optional(),
  locationType: LocationType.optional(),
  startsAt: Instant.optional(),
  durationMinutes: Duration.optional(),
  note: optionalText(2000).optional(),
});
export type UpdateAppointmentInput = z.infer<typeof UpdateAppointmentInput>;

export const SetAppointmentStatusInput = z.strictObject({ version: Version, status: AppointmentStatus });
export type SetAppointmentStatusInput = z.infer<typeof SetAppointmentStatusInput>;

export const Appointment = z.object({
  id: z.uuid(),
  version: z.number().int(),
  beneficiary: z.object({ id: z.uuid(), name: z.string(), fileNumber: z.number().int() }),
  agents: z.array(PersonRef),
  site: z.object({ id: z.uuid(), name: z.string() }),
  motif: z.object({ id: z.uuid(), label: z.string() }),
  locationType: LocationType,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  note: z.string().nullable(),
  status: AppointmentStatus,
  statusChangedAt: z.iso.datetime().nullable(),
  statusChangedBy: PersonRef.nullable(),
  createdBy: PersonRef,
});
export type Appointment = z.infer<typeof Appointment>;

/** Longest period an agenda asks for at once (a month view with its margins). */
export const MAX_AGENDA_DAYS = 62;

/** An agenda's period: both ends, in order, at most MAX_AGENDA_DAYS long. */
function checkPeriod(period: { from?: string; to?: string }, context: z.RefinementCtx): void {
  if (!period.from || !period.to) {
    context.addIssue({ code: 'custom', path: [period.from ? 'to' : 'from'], message: 'Indiquez le début et la fin de la période.' });
    return;
  }
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  if (days <= 0) context.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période doit suivre son début.' });
  else if (days > MAX_AGENDA_DAYS) {
    context.addIssue({ code: 'custom', path: ['to'], message: `La période ne peut pas dépasser ${MAX_AGENDA_DAYS} jours.` });
  }
}

/**
 * GET /appointments: an agenda (`from`/`to`, and `agentId` — `me` — or `siteId`), a file's
 * appointments (`beneficiaryId`, newest first, paginated), or the to-do list (`toDo=true`: the
 * reader's planned appointments whose time has passed).
 */
export const AppointmentQuery = PageQuery.extend({
  from: Instant.optional(),
  to: Instant.optional(),
  agentId: z.union([z.literal('me'), z.uuid()]).optional(),
  siteId: z.uuid().optional(),
  beneficiaryId: z.uuid().optional(),
  toDo: QueryFlag.optional(),
}).superRefine((query, context) => {
  const agendaFilters = (['from', 'to', 'agentId', 'siteId'] as const).filter((key) => query[key] !== undefined);
  if (query.toDo || query.beneficiaryId) {
    for (const path of [...agendaFilters, ...(query.toDo && query.beneficiaryId ? ['beneficiaryId'] : [])]) {
      context.addIssue({ code: 'custom', path: [path], message: 'Ce filtre ne se combine pas avec la liste à traiter ni avec un dossier.' });
    }
    return;
  }
  checkPeriod(query, context);
  if (!query.agentId && !query.siteId) {
    context.addIssue({ code: 'custom', path: ['agentId'], message: 'Choisissez un agent ou un site.' });
  }
});
export type AppointmentQuery = z.infer<typeof AppointmentQuery>;

/** What a conflict (409 `slot-taken`) names: the slot met, never whose file it is. */
export const BusySlot = z.object({
  agent: PersonRef,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  kind: z.enum(['appointment', 'absence']),
});
export type BusySlot = z.infer<typeof BusySlot>;

// Absences and opening hours.

export const AbsenceInput = z
  .strictObject({
    membershipId: z.uuid(),
    startsAt: Instant,
    endsAt: Instant,
    /** Repeats every week (same weekday and hours) until this date, at most two years. */
    repeatsWeeklyUntil: IsoDate.nullable().default(null),
    label: optionalText(120).default(null),
  })
  .refine((absence) => Date.parse(absence.endsAt) > Date.parse(absence.startsAt), { path: ['endsAt'], message: 'La fin doit suivre le début.' });
export type AbsenceInput = z.input<typeof AbsenceInput>;

export const Absence = z.object({
  id: z.uuid(),
  agent: PersonRef,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  repeatsWeeklyUntil: IsoDate.nullable(),
  label: z.string().nullable(),
});
export type Absence = z.infer<typeof Absence>;

/** GET /absences: occurrences in a period, for one agent (`me` for oneself) or a site's agents. */
export const AbsenceQuery = PageQuery.extend({
  from: Instant,
  to: Instant,
  agentId: z.union([z.literal('me'), z.uuid()]).optional(),
  siteId: z.uuid().optional(),
}).superRefine((query, context) => {
  checkPeriod(query, context);
  if (!query.agentId && !query.siteId) {
    context.addIssue({ code: 'custom', path: ['agentId'], message: 'Choisissez un agent ou un site.' });
  }
});
export type AbsenceQuery = z.infer<typeof AbsenceQuery>;

/** One occurrence of an absence, as the agenda draws it. */
export const AbsenceOccurrence = z.object({ absenceId: z.uuid(), agent: PersonRef, startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), label: z.string().nullable() });
export type AbsenceOccurrence = z.infer<typeof AbsenceOccurrence>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue au format hh:mm.');
export const OpeningRange = z
  .strictObject({ weekday: z.number().int().min(1).max(7), opensAt: Time, closesAt: Time })
  .refine((range) => range.opensAt < range.closesAt, { path: ['closesAt'], message: 'La fermeture doit suivre l’ouverture.' });
export type OpeningRange = z.infer<typeof OpeningRange>;

/** PUT /sites/:id/opening-hours: the whole week at once (ISO weekdays, 1 = Monday, Paris time). */
export const OpeningHoursInput = z.strictObject({ ranges: z.array(OpeningRange).max(28) });
export type OpeningHoursInput = z.infer<typeof OpeningHoursInput>;

/** A site's week, by weekday then opening time. */
export const OpeningHours = z.object({
  siteId: z.uuid(),
  ranges: z.array(z.object({ weekday: z.number().int(), opensAt: z.string(), closesAt: z.string() })),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

// Tenant settings of appointments (GET/PUT /settings/appointments).

export const AppointmentSettingsInput = z.strictObject({
  /** Remind people by email / SMS (when they agreed and gave the contact). */
  reminderEmail: z.boolean(),
  reminderSms: z.boolean(),
  /** How long before the appointment the reminder leaves, in hours (48 h by default). */
  reminderHoursBefore: z.number().int().min(1).max(168),
});
export type AppointmentSettingsInput = z.infer<typeof AppointmentSettingsInput>;
export const AppointmentSettings = AppointmentSettingsInput;
export type AppointmentSettings = AppointmentSettingsInput;
