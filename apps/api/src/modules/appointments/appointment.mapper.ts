import { type Appointment, displayName } from '@ccas/shared';
import type { Prisma } from '../../generated/prisma/client';
import { toPersonRef } from '../beneficiaries/beneficiary.mapper';

const personName = { select: { id: true, firstName: true, lastName: true } } as const;

/** An appointment with what its readers see: the person's name and file number, never more. */
export const appointmentInclude = {
  beneficiary: { select: { id: true, fileNumber: true, lastName: true, firstName: true, alias: true } },
  agents: { select: { member: personName } },
  site: { select: { id: true, name: true } },
  motif: { select: { id: true, label: true } },
  statusChanger: personName,
  creator: personName,
} as const satisfies Prisma.AppointmentInclude;

export type AppointmentRow = Prisma.AppointmentGetPayload<{ include: typeof appointmentInclude }>;

export function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    version: row.version,
    beneficiary: { id: row.beneficiary.id, fileNumber: row.beneficiary.fileNumber, name: displayName(row.beneficiary) },
    agents: row.agents.map((agent) => toPersonRef(agent.member)).sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id)),
    site: row.site,
    motif: row.motif,
    locationType: row.locationType as Appointment['locationType'],
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    note: row.note,
    status: row.status as Appointment['status'],
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    statusChangedBy: row.statusChanger ? toPersonRef(row.statusChanger) : null,
    createdBy: toPersonRef(row.creator),
  };
}
