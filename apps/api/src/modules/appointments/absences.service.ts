import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { type Absence, AbsenceInput, type AbsenceOccurrence, type AbsenceQuery, type Page } from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { parisDate } from '../../common/paris-date';
import { currentUser } from '../../common/request-context';
import { requireAgents, requireMember, requireSite } from '../../tenancy/lookups';
import { TenantDb } from '../../tenancy/tenant-db.service';
import { toIsoDate, toPersonRef } from '../beneficiaries/beneficiary.mapper';
import { absenceOccurrences, busySlotsMeeting, isSlotTaken, SlotTakenException } from './slot-conflicts';

type NewAbsence = z.output<typeof AbsenceInput>;

const DAY = 86_400_000;
/** A single absence is at most a year long; a weekly one is shorter than a week and repeats two years at most. */
const MAX_ABSENCE_DAYS = 366;
const MAX_REPEAT_DAYS = 731;

interface OccurrenceRow {
  slot_id: string;
  absence_id: string;
  starts_at: Date;
  ends_at: Date;
  label: string | null;
  membership_id: string;
  first_name: string;
  last_name: string;
}

/**
 * Agents' absences (leave, training, a weekly afternoon off). Their occurrences are busy slots like
 * appointments: an absence over existing appointments is refused with the appointments met.
 * Absences are the team's own information, not a file's: they are audited as such.
 */
@Injectable()
export class AbsencesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** Occurrences in a period, for one agent or for the agents of a site, in time order. */
  list(query: AbsenceQuery): Promise<Page<AbsenceOccurrence>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    const agentId = query.agentId === 'me' ? currentUser().membershipId : (query.agentId ?? null);
    const siteId = query.siteId ?? null;
    return this.db.transaction(async (tx) => {
      if (agentId) await requireMember(tx, agentId);
      if (siteId) await requireSite(tx, siteId);
      const rows = await tx.$queryRaw<OccurrenceRow[]>`
        SELECT s.id AS slot_id, a.id AS absence_id, lower(s.during) AS starts_at, upper(s.during) AS ends_at, a.label,
               m.id AS membership_id, m.first_name, m.last_name
          FROM agent_busy_slots s
          JOIN absences a ON a.tenant_id = s.tenant_id AND a.id = s.absence_id
          JOIN memberships m ON m.tenant_id = s.tenant_id AND m.id = s.membership_id
         WHERE s.during && tstzrange(${new Date(query.from)}::timestamptz, ${new Date(query.to)}::timestamptz)
           AND (${agentId}::uuid IS NULL OR s.membership_id = ${agentId}::uuid)
           AND (${siteId}::uuid IS NULL OR EXISTS (SELECT 1 FROM membership_sites ms
                 WHERE ms.tenant_id = s.tenant_id AND ms.membership_id = s.membership_id AND ms.site_id = ${siteId}::uuid))
           AND (${cursor?.at ?? null}::timestamptz IS NULL OR (lower(s.during), s.id) > (${cursor?.at ?? null}::timestamptz, ${cursor?.id ?? null}::uuid))
         ORDER BY lower(s.during), s.id
         LIMIT ${query.limit + 1}`;
      await this.audit.record(tx, { action: 'read', entityType: 'absence', details: { target: 'agenda', results: Math.min(rows.length, query.limit) } });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({
          absenceId: row.absence_id,
          agent: toPersonRef({ id: row.membership_id, firstName: row.first_name, lastName: row.last_name }),
          startsAt: row.starts_at.toISOString(),
          endsAt: row.ends_at.toISOString(),
          label: row.label,
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.starts_at.toISOString(), id: last.slot_id }) : null,
      };
    });
  }

  /** Declares an absence of any agent of the tenant (the front desk often does it for them). */
  async create(input: NewAbsence): Promise<Absence> {
    const user = currentUser();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    checkPeriod(startsAt, endsAt, input.repeatsWeeklyUntil);
    try {
      return await this.db.transaction(async (tx) => {
        await requireAgents(tx, [input.membershipId], 'membershipId');
        const row = await tx.absence.create({
          data: {
            tenantId: user.tenantId,
            membershipId: input.membershipId,
            startsAt,
            endsAt,
            repeatsWeeklyUntil: input.repeatsWeeklyUntil ? new Date(`${input.repeatsWeeklyUntil}T00:00:00Z`) : null,
            label: input.label,
            createdBy: user.membershipId,
          },
          include: { member: { select: { id: true, firstName: true, lastName: true } } },
        });
        await this.audit.record(tx, { action: 'create', entityType: 'absence', entityId: row.id, details: { agentId: input.membershipId, weekly: row.repeatsWeeklyUntil !== null } });
        return {
          id: row.id,
          agent: toPersonRef(row.member),
          startsAt: row.startsAt.toISOString(),
          endsAt: row.endsAt.toISOString(),
          repeatsWeeklyUntil: toIsoDate(row.repeatsWeeklyUntil),
          label: row.label,
        };
      });
    } catch (error) {
      if (!isSlotTaken(error)) throw error;
      const conflicts = await this.db.transaction((tx) =>
        busySlotsMeeting(tx, [input.membershipId], absenceOccurrences(startsAt, endsAt, input.repeatsWeeklyUntil), { appointmentsOnly: true }),
      );
      throw new SlotTakenException(conflicts, 'L’agent a des rendez-vous pendant cette absence : déplacez-les ou annulez-les d’abord.');
    }
  }

  /** Removes an absence and all its occurrences: the agent can be booked again. */
  remove(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const { count } = await tx.absence.deleteMany({ where: { id } });
      if (count === 0) throw new NotFoundException({ detail: 'Cette absence n’existe pas ou ne fait pas partie de votre structure.' });
      await this.audit.record(tx, { action: 'delete', entityType: 'absence', entityId: id });
    });
  }
}

/** Bounds the database also holds, said in words before it refuses them. */
function checkPeriod(startsAt: Date, endsAt: Date, repeatsWeeklyUntil: string | null): void {
  const refuse = (path: string, message: string) => {
    throw new BadRequestException({ detail: message, errors: [{ path, message }] });
  };
  const days = (endsAt.getTime() - startsAt.getTime()) / DAY;
  if (repeatsWeeklyUntil === null) {
    if (days > MAX_ABSENCE_DAYS) refuse('endsAt', 'Une absence dure au plus un an.');
    return;
  }
  if (days >= 7) refuse('endsAt', 'Une absence répétée chaque semaine dure moins d’une semaine.');
  const first = parisDate(startsAt);
  if (repeatsWeeklyUntil < first) refuse('repeatsWeeklyUntil', 'La répétition doit se terminer après le début de l’absence.');
  if ((Date.parse(repeatsWeeklyUntil) - Date.parse(first)) / DAY > MAX_REPEAT_DAYS) {
    refuse('repeatsWeeklyUntil', 'Une absence se répète au plus deux ans.');
  }
}
