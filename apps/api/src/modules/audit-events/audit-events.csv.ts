import { ACCESS_TARGET_LABELS, AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, type AuditEvent, formatFileNumber } from '@ccas/shared';
import { csvLine } from '../../common/table-file';
import { parisDate } from '../../common/paris-date';

// The audit trail as CSV for spreadsheets set to French: `;` between fields, CRLF between lines,
// dates in Paris time. The caller prefixes the UTF-8 byte order mark.

const COLUMNS = [
  'N°',
  'Date (heure de Paris)',
  'Utilisateur',
  'Action',
  'Élément',
  'Identifiant de l’élément',
  'N° de dossier',
  'Partie concernée',
  'Adresse IP',
  'Requête',
  'Détails',
];

const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The download's name, dated with the day Paris clocks show at `at`: `journal-audit-2026-11-30.csv`. */
export const csvFileName = (at: Date): string => `journal-audit-${parisDate(at)}.csv`;

export const CSV_HEADER = csvLine(COLUMNS);

export function toCsvLine(event: AuditEvent): string {
  const target = typeof event.details.target === 'string' ? event.details.target : null;
  const { target: _target, ...otherDetails } = event.details;
  return csvLine([
    event.seq,
    parisTime.format(new Date(event.occurredAt)).replace(',', ''),
    event.actor?.name ?? 'Système',
    AUDIT_ACTION_LABELS[event.action],
    event.entityType ? (AUDIT_ENTITY_LABELS[event.entityType] ?? event.entityType) : null,
    event.entityId,
    event.file ? formatFileNumber(event.file.fileNumber) : null,
    target ? (ACCESS_TARGET_LABELS[target] ?? target) : null,
    event.ip,
    event.requestId,
    Object.keys(otherDetails).length ? JSON.stringify(otherDetails) : null,
  ]);
}
