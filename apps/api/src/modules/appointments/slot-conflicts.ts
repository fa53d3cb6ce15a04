import { ConflictException } from '@nestjs/common';
import { type BusySlot, type Problem, PROBLEM_TYPES } from '@ccas/shared';
import { EXCLUSION_VIOLATION, isDatabaseError } from '../../common/database-error';
import { Prisma } from '../../generated/prisma/client';
import type { TenantTx } from '../../tenancy/tenant-db.service';
import { toPersonRef } from '../beneficiaries/beneficiary.mapper';

const NO_OVERLAP = 'agent_busy_slots_no_overlap';

/** Whether `error` is the database refusing an overlapping busy slot (exclusion_violation on agent_busy_slots_no_overlap). */
export const isSlotTaken = (error: unknown): boolean => isDatabaseError(error, EXCLUSION_VIOLATION, NO_OVERLAP);

/** 409 `slot-taken`: the slots the request met, so that the user can pick another time or agent. */
export class SlotTakenException extends ConflictException {
  constructor(
    conflicts: BusySlot[],
    detail = 'Un agent est déjà pris (rendez-vous ou absence) sur ce créneau. Choisissez un autre horaire ou un autre agent.',
  ) {
    super({ type: PROBLEM_TYPES.slotTaken, title: 'Créneau déjà pris', detail, conflicts } satisfies Partial<Problem>);
  }
}

/** The periods a request wants, as SQL rows of one `during` tstzrange column. */
export const singlePeriod = (startsAt: Date, endsAt: Date) => Prisma.sql`SELECT tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz) AS during`;

/** Occurrences of an absence, computed like the database trigger does (Paris wall-clock time). */
export const absenceOccurrences = (startsAt: Date, endsAt: Date, repeatsWeeklyUntil: string | null) => Prisma.sql`
  SELECT tstzrange(((${startsAt}::timestamptz AT TIME ZONE 'Europe/Paris') + week * interval '7 days') AT TIME ZONE 'Europe/Paris',
                   ((${endsAt}::timestamptz AT TIME ZONE 'Europe/Paris') + week * interval '7 days') AT TIME ZONE 'Europe/Paris') AS during
    FROM generate_series(0, CASE WHEN ${repeatsWeeklyUntil}::date IS NULL THEN 0
                                 ELSE (${repeatsWeeklyUntil}::date - (${startsAt}::timestamptz AT TIME ZONE 'Europe/Paris')::date) / 7 END) AS week`;

interface SlotRow {
  membership_id: string;
  first_name: string;
  last_name: string;
  starts_at: Date;
  ends_at: Date;
  is_appointment: boolean;
}

/**
 * The busy slots of `agentIds` that meet `wanted`, first ones first (at most 20): what a refused
 * booking or absence ran into. Only agents and times: never whose appointment it is.
 */
export async function busySlotsMeeting(
  tx: TenantTx,
  agentIds: string[],
  wanted: Prisma.Sql,
  options: { exceptAppointmentId?: string; appointmentsOnly?: boolean } = {},
): Promise<BusySlot[]> {
  const rows = await tx.$queryRaw<SlotRow[]>`
    WITH wanted AS (${wanted})
    SELECT DISTINCT s.membership_id, m.first_name, m.last_name, lower(s.during) AS starts_at, upper(s.during) AS ends_at,
           s.appointment_id IS NOT NULL AS is_appointment
      FROM agent_busy_slots s
      JOIN wanted w ON s.during && w.during
      JOIN memberships m ON m.tenant_id = s.tenant_id AND m.id = s.membership_id
     WHERE s.membership_id = ANY(${agentIds}::uuid[])
       AND (${options.exceptAppointmentId ?? null}::uuid IS NULL OR s.appointment_id IS DISTINCT FROM ${options.exceptAppointmentId ?? null}::uuid)
       AND (NOT ${options.appointmentsOnly ?? false} OR s.appointment_id IS NOT NULL)
     ORDER BY starts_at, s.membership_id
     LIMIT 20`;
  return rows.map((row) => ({
    agent: toPersonRef({ id: row.membership_id, firstName: row.first_name, lastName: row.last_name }),
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    kind: row.is_appointment ? 'appointment' : 'absence',
  }));
}
