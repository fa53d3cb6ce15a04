import type { Cell, DashboardQuery, ExportList } from '@ccas/shared';
import {
  APPOINTMENT_STATUS_LABELS,
  BENEFICIARY_STATUS_LABELS,
  CATEGORY_LABELS,
  CONSENT_LABELS,
  formatFileNumber,
  LOCATION_TYPE_LABELS,
  PROCEDURE_MODE_LABELS,
  PROCEDURE_OUTCOME_LABELS,
} from '@ccas/shared';
import { Prisma } from '../../generated/prisma/client';
import type { TenantTx } from '../../tenancy/tenant-db.service';
import { appointmentsInScope, filesInScope, ofFileAtSite } from '../dashboard/scope-filters';

/**
 * The lists exported whole: their columns, how many rows the filters select, and one batch of rows
 * after a keyset position. Structured facts only — never a note or another free text.
 */
export interface ListDefinition {
  title: string;
  columns: string[];
  count(tx: TenantTx, filters: Filters): Promise<number>;
  /** Up to `limit` rows after `after` (null: from the start), and the position of the last one. */
  batch(tx: TenantTx, filters: Filters, after: string | null, limit: number): Promise<{ rows: Cell[][]; last: string | null }>;
}

/** The dashboard's filters, the period turned into instants (Paris days). */
export interface Filters extends Omit<DashboardQuery, 'from' | 'to'> {
  fromAt: Date;
  toAt: Date;
}

const PARIS = 'Europe/Paris';
const label = <T extends string>(labels: Record<T, string>, value: string | null) => (value === null ? null : (labels[value as T] ?? value));
const total = async (rows: Promise<{ n: bigint }[]>) => Number((await rows)[0].n);

/** Keyset positions are `<instant or number>|<id>`: ordered by time (or file number), then id. */
const split = (after: string | null): [string, string] | null => (after ? (after.split('|') as [string, string]) : null);

const files: ListDefinition = {
  title: 'Dossiers',
  columns: ['N° de dossier', 'Nom', 'Prénom', 'Statut', 'Site', 'Ouvert le', 'Dernier contact', 'Référents'],
  count: (tx, f) => total(tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM beneficiaries b WHERE ${fileWhere(f)}`),
  async batch(tx, f, after, limit) {
    const rows = await tx.$queryRaw<
      { file_number: number; last_name: string | null; first_name: string | null; status: string; site: string | null; opened: string; last_contact: string | null; referents: string | null }[]
    >`
      SELECT b.file_number, b.last_name, b.first_name, b.status, s.name AS site,
             to_char(b.created_at AT TIME ZONE ${PARIS}, 'DD/MM/YYYY') AS opened,
             to_char(b.last_contact_at AT TIME ZONE ${PARIS}, 'DD/MM/YYYY') AS last_contact,
             (SELECT string_agg(m.first_name || ' ' || m.last_name, ', ' ORDER BY m.last_name)
                FROM beneficiary_referents r JOIN memberships m ON m.tenant_id = r.tenant_id AND m.id = r.membership_id
               WHERE r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id) AS referents
        FROM beneficiaries b LEFT JOIN sites s ON s.tenant_id = b.tenant_id AND s.id = b.site_id
       WHERE ${fileWhere(f)} AND b.file_number > ${Number(after ?? 0)}
       ORDER BY b.file_number
       LIMIT ${limit}`;
    return {
      rows: rows.map((row) => [
        formatFileNumber(row.file_number), row.last_name, row.first_name, label(BENEFICIARY_STATUS_LABELS, row.status), row.site, row.opened, row.last_contact, row.referents,
      ]),
      last: rows.length ? String(rows.at(-1)!.file_number) : null,
    };
  },
};

function fileWhere(f: Filters): Prisma.Sql {
  return Prisma.sql`b.created_at >= ${f.fromAt} AND b.created_at < ${f.toAt} ${filesInScope(f)}`;
}

const procedures: ListDefinition = {
  title: 'Démarches',
  columns: ['Date', 'N° de dossier', 'Agent', 'Organisme', 'Type de démarche', 'Domaine', 'Façon de faire', 'Consentement', 'Durée (min)', 'Résultat'],
  count: (tx, f) => total(tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM procedures p WHERE ${procedureWhere(f)}`),
  async batch(tx, f, after, limit) {
    const position = split(after);
    const rows = await tx.$queryRaw<
      { id: string; occurred_at: Date; at: string; file_number: number; agent: string; organism: string; type: string; category: string | null; mode: string; consent: string; duration_minutes: number | null; outcome: string }[]
    >`
      SELECT p.id, p.occurred_at, to_char(p.occurred_at AT TIME ZONE ${PARIS}, 'DD/MM/YYYY HH24:MI') AS at, b.file_number,
             m.first_name || ' ' || m.last_name AS agent, o.label AS organism, t.label AS type, coalesce(t.category, o.category) AS category,
             p.mode, p.consent, p.duration_minutes, p.outcome
        FROM procedures p
        JOIN beneficiaries b ON b.tenant_id = p.tenant_id AND b.id = p.beneficiary_id
        JOIN memberships m ON m.tenant_id = p.tenant_id AND m.id = p.agent_id
        JOIN catalogue_entries o ON o.tenant_id = p.tenant_id AND o.id = p.organism_id
        JOIN catalogue_entries t ON t.tenant_id = p.tenant_id AND t.id = p.procedure_type_id
       WHERE ${procedureWhere(f)}
         ${position ? Prisma.sql`AND (p.occurred_at, p.id) > (${new Date(position[0])}, ${position[1]}::uuid)` : Prisma.empty}
       ORDER BY p.occurred_at, p.id
       LIMIT ${limit}`;
    const last = rows.at(-1);
    return {
      rows: rows.map((row) => [
        row.at, formatFileNumber(row.file_number), row.agent, row.organism, row.type, label(CATEGORY_LABELS, row.category), label(PROCEDURE_MODE_LABELS, row.mode),
        label(CONSENT_LABELS, row.consent), row.duration_minutes, label(PROCEDURE_OUTCOME_LABELS, row.outcome),
      ]),
      last: last ? `${last.occurred_at.toISOString()}|${last.id}` : null,
    };
  },
};

function procedureWhere(f: Filters): Prisma.Sql {
  return Prisma.sql`p.occurred_at >= ${f.fromAt} AND p.occurred_at < ${f.toAt}
    ${f.agentId ? Prisma.sql`AND p.agent_id = ${f.agentId}::uuid` : Prisma.empty} ${ofFileAtSite(f, Prisma.sql`p`)}`;
}

const appointments: ListDefinition = {
  title: 'Rendez-vous',
  columns: ['Date', 'Heure', 'Durée (min)', 'N° de dossier', 'Personne', 'Agents', 'Site', 'Motif', 'Lieu', 'Statut'],
  count: (tx, f) => total(tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM appointments a WHERE ${appointmentWhere(f)}`),
  async batch(tx, f, after, limit) {
    const position = split(after);
    const rows = await tx.$queryRaw<
      { id: string; starts_at: Date; day: string; time: string; minutes: number; file_number: number; person: string; agents: string; site: string; motif: string; location_type: string; status: string }[]
    >`
      SELECT a.id, a.starts_at, to_char(a.starts_at AT TIME ZONE ${PARIS}, 'DD/MM/YYYY') AS day, to_char(a.starts_at AT TIME ZONE ${PARIS}, 'HH24:MI') AS time,
             (extract(epoch FROM a.ends_at - a.starts_at) / 60)::int AS minutes, b.file_number,
             upper(coalesce(b.last_name, '')) || ' ' || coalesce(b.first_name, '') AS person,
             (SELECT string_agg(m.first_name || ' ' || m.last_name, ', ' ORDER BY m.last_name)
                FROM appointment_agents aa JOIN memberships m ON m.tenant_id = aa.tenant_id AND m.id = aa.membership_id
               WHERE aa.tenant_id = a.tenant_id AND aa.appointment_id = a.id) AS agents,
             s.name AS site, mo.label AS motif, a.location_type, a.status
        FROM appointments a
        JOIN beneficiaries b ON b.tenant_id = a.tenant_id AND b.id = a.beneficiary_id
        JOIN sites s ON s.tenant_id = a.tenant_id AND s.id = a.site_id
        JOIN appointment_motifs mo ON mo.tenant_id = a.tenant_id AND mo.id = a.motif_id
       WHERE ${appointmentWhere(f)}
         ${position ? Prisma.sql`AND (a.starts_at, a.id) > (${new Date(position[0])}, ${position[1]}::uuid)` : Prisma.empty}
       ORDER BY a.starts_at, a.id
       LIMIT ${limit}`;
    const last = rows.at(-1);
    return {
      rows: rows.map((row) => [
        row.day, row.time, row.minutes, formatFileNumber(row.file_number), row.person.trim(), row.agents, row.site, row.motif,
        label(LOCATION_TYPE_LABELS, row.location_type), label(APPOINTMENT_STATUS_LABELS, row.status),
      ]),
      last: last ? `${last.starts_at.toISOString()}|${last.id}` : null,
    };
  },
};

function appointmentWhere(f: Filters): Prisma.Sql {
  return Prisma.sql`a.starts_at >= ${f.fromAt} AND a.starts_at < ${f.toAt} ${appointmentsInScope(f)}`;
}

export const EXPORT_LIST_DEFINITIONS: Record<ExportList, ListDefinition> = { files, procedures, appointments };
