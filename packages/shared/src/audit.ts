import { z } from 'zod';
import { Instant, UUID_PATTERN } from './fields.js';
import { PageQuery } from './pagination.js';

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'login', 'denied'] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);

/** How the audit viewer names each action. */
export const AUDIT_ACTION_LABELS = {
  read: 'Consultation',
  create: 'Création',
  update: 'Modification',
  delete: 'Suppression',
  export: 'Export',
  login: 'Connexion',
  denied: 'Accès refusé',
} as const satisfies Record<(typeof AUDIT_ACTIONS)[number], string>;

/** What an event is about (`entityType`), as the audit viewer names it; unknown types show as they are. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  beneficiary: 'Dossier',
  membership: 'Membre de l’équipe',
  site: 'Site',
  'catalogue-entry': 'Catalogue',
  partner: 'Partenaire',
  'appointment-motif': 'Motif de rendez-vous',
  absence: 'Absence',
  'calendar-feed': 'Agenda partagé (ICS)',
  outbox: 'Messages envoyés',
  'tenant-settings': 'Paramètres de la structure',
  'audit-events': 'Journal d’audit',
};

/** A beneficiary file by its number (`D00042`, `42`) or its id. */
export const FileReference = z
  .string()
  .trim()
  .refine((value) => /^D?\d{1,9}$/i.test(value) || UUID_PATTERN.test(value), { message: 'Indiquez un numéro de dossier (ex. D00042) ou un identifiant.' })
  .transform((value) => (UUID_PATTERN.test(value) ? { id: value.toLowerCase() } : { fileNumber: Number(value.replace(/^D/i, '')) }));

/** The filters of the audit viewer, shared by the list and its CSV export. */
const auditFilters = {
  action: AuditAction.optional(),
  actorId: z.uuid().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  /** Events about one beneficiary file (in place of entityType and entityId). */
  file: FileReference.optional(),
  /** The period, `from` included, `to` excluded. */
  from: Instant.optional(),
  to: Instant.optional(),
};

function checkAuditFilters(query: { from?: string; to?: string; file?: unknown; entityType?: string; entityId?: string }, context: z.RefinementCtx): void {
  if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'La fin de la période doit suivre son début.' });
  }
  if (query.file && (query.entityType || query.entityId)) {
    context.addIssue({ code: 'custom', path: ['file'], message: 'Choisissez un dossier ou un élément, pas les deux.' });
  }
}

export const AuditEventQuery = PageQuery.extend(auditFilters).superRefine(checkAuditFilters);
export type AuditEventQuery = z.infer<typeof AuditEventQuery>;

/** GET /audit-events/export: the same filters, every matching event. */
export const AuditEventExportQuery = z.strictObject(auditFilters).superRefine(checkAuditFilters);
export type AuditEventExportQuery = z.infer<typeof AuditEventExportQuery>;

export const AuditEvent = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: AuditAction,
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** For events about a beneficiary file: its number (absent once the file is gone). */
  file: z.object({ id: z.uuid(), fileNumber: z.number().int() }).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Result of checking a tenant's hash chain: intact, or the first broken link. */
export const AuditChainVerification = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.uuid(), reason: z.enum(['missing_event', 'broken_link', 'altered_event']) })
    .nullable(),
});
export type AuditChainVerification = z.infer<typeof AuditChainVerification>;
