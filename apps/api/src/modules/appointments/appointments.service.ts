import { BadRequestException, ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import {
  APPOINTMENT_STATUS_TRANSITIONS,
  type Appointment,
  type AppointmentQuery,
  type AppointmentStatus,
  ATTENDANCE_STATUSES,
  CANCELLED_STATUSES,
  CreateAppointmentInput,
  type Page,
  type SetAppointmentStatusInput,
  type UpdateAppointmentInput,
} from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { after, afterAscending } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { requireAgents, requireMember, requireSite, requireSiteField } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { fileEvent, requireFile, staleVersion } from '../beneficiaries/file-access';
import { appointmentInclude, type AppointmentRow, toAppointment } from './appointment.mapper';
import { busySlotsMeeting, isSlotTaken, singlePeriod, SlotTakenException } from './slot-conflicts';

type NewAppointment = z.output<typeof CreateAppointmentInput>;
type Cursor = { at: string; id: string } | undefined;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far from today an appointment may be set: recorded afterwards, or booked ahead. */
const MAX_DAYS_BEFORE = 366;
const MAX_DAYS_AHEAD = 2 * 366;

const isCancelled = (status: string) => CANCELLED_STATUSES.includes(status as AppointmentStatus);
const isAttendance = (status: string) => ATTENDANCE_STATUSES.includes(status as AppointmentStatus);

/**
 * Appointments: booked by the front desk or the social workers for one or more agents, moved,
 * given a status once they happened. The database refuses any overlap of an agent's appointments
 * and absences (agent_busy_slots); a refusal is answered 409 with the slots met. Every read and
 * write is audited on the person's file.
 */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** An agenda (agent or site, over a period), a file's appointments, or the reader's to-do list. */
  list(query: AppointmentQuery): Promise<Page<Appointment>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    if (query.toDo) return this.toDo(query.limit, cursor);
    if (query.beneficiaryId) return this.ofFile(query.beneficiaryId, query.limit, cursor);
    return this.agenda(query, cursor);
  }

  private agenda(query: AppointmentQuery, cursor: Cursor): Promise<Page<Appointment>> {
    const agentId = query.agentId === 'me' ? currentUser().membershipId : query.agentId;
    return this.db.transaction(async (tx) => {
      if (agentId) await requireMember(tx, agentId);
      if (query.siteId) await requireSite(tx, query.siteId);
      const rows = await tx.appointment.findMany({
        where: {
          // Validated together by AppointmentQuery.
          startsAt: { lt: new Date(query.to!) },
          endsAt: { gt: new Date(query.from!) },
          ...(agentId ? { agents: { some: { membershipId: agentId } } } : {}),
          ...(query.siteId ? { siteId: query.siteId } : {}),
          ...afterAscending('startsAt', cursor),
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
        include: appointmentInclude,
      });
      return this.audited(tx, this.page(rows, query.limit));
    });
  }

  private ofFile(beneficiaryId: string, limit: number, cursor: Cursor): Promise<Page<Appointment>> {
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const rows = await this.newestFirst(tx, beneficiaryId, cursor, limit + 1);
      const page = this.page(rows, limit);
      // Reading a file's appointments is a read of the file, even when it has none.
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'appointments'));
      return page;
    });
  }

  /** The reader's planned appointments whose time has come: they wait for a status, oldest first. */
  private toDo(limit: number, cursor: Cursor): Promise<Page<Appointment>> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.appointment.findMany({
        where: {
          status: 'PLANNED',
          startsAt: { lt: this.clock.now() },
          agents: { some: { membershipId: currentUser().membershipId } },
          ...afterAscending('startsAt', cursor),
        },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: limit + 1,
        include: appointmentInclude,
      });
      return this.audited(tx, this.page(rows, limit));
    });
  }

  /** Rows for a page of a file's timeline (or its list of appointments), newest first. */
  newestFirst(tx: TenantTx, beneficiaryId: string, cursor: Cursor, take: number): Promise<AppointmentRow[]> {
    return tx.appointment.findMany({
      where: { beneficiaryId, ...after('startsAt', cursor) },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take,
      include: appointmentInclude,
    });
  }

  page(rows: AppointmentRow[], limit: number): Page<Appointment> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toAppointment),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.startsAt.toISOString(), id: last.id }) : null,
    };
  }

  get(id: string): Promise<Appointment> {
    return this.db.transaction(async (tx) => {
      const row = await this.load(tx, id);
      await this.audit.record(tx, fileEvent('read', row.beneficiaryId, 'appointment', { appointmentId: id }));
      return toAppointment(row);
    });
  }

  /** Books an appointment; the motif gives the duration and the place unless they are chosen. */
  async create(input: NewAppointment): Promise<Appointment> {
    const user = currentUser();
    // One order for every booking, so that two bookings of the same agents never wait on each other crosswise.
    const agentIds = [...input.agentIds].sort();
    let wanted: { startsAt: Date; endsAt: Date } | undefined;
    try {
      return await this.db.transaction(async (tx) => {
        await this.requireBookableFile(tx, input.beneficiaryId);
        await requireSiteField(tx, input.siteId);
        const motif = await this.requireMotif(tx, input.motifId);
        await requireAgents(tx, agentIds, 'agentIds');
        const startsAt = this.checkedStart(input.startsAt);
        wanted = { startsAt, endsAt: new Date(startsAt.getTime() + (input.durationMinutes ?? motif.durationMinutes) * MINUTE) };
        const created = await tx.appointment.create({
          data: {
            tenantId: user.tenantId,
            beneficiaryId: input.beneficiaryId,
            siteId: input.siteId,
            motifId: motif.id,
            locationType: input.locationType ?? motif.locationType,
            ...wanted,
            note: input.note,
            createdBy: user.membershipId,
          },
          select: { id: true },
        });
        // The agents' busy slots are written by a trigger: an overlap fails here, whoever committed first.
        await tx.appointmentAgent.createMany({ data: agentIds.map((membershipId) => ({ tenantId: user.tenantId, appointmentId: created.id, membershipId })) });
        await this.audit.record(tx, fileEvent('create', input.beneficiaryId, 'appointment', { appointmentId: created.id }));
        return toAppointment(await this.load(tx, created.id));
      });
    } catch (error) {
      if (wanted && isSlotTaken(error)) throw await this.slotTaken(agentIds, wanted);
      throw error;
    }
  }

  /** Moves or edits an appointment on the version read; a cancelled one stays as it was. */
  async update(id: string, { version, agentIds, startsAt: newStart, durationMinutes, ...changes }: UpdateAppointmentInput): Promise<Appointment> {
    const user = currentUser();
    let wanted: { agentIds: string[]; startsAt: Date; endsAt: Date } | undefined;
    try {
      return await this.db.transaction(async (tx) => {
        const current = await this.load(tx, id);
        if (isCancelled(current.status)) {
          throw new ConflictException({ detail: 'Ce rendez-vous est annulé : une annulation est définitive. Prenez un nouveau rendez-vous.' });
        }
        if (current.version !== version) throw staleVersion('Ce rendez-vous');
        if (changes.siteId && changes.siteId !== current.siteId) await requireSiteField(tx, changes.siteId);
        // A retired motif stays on the appointment; only a newly chosen one must be offered.
        if (changes.motifId && changes.motifId !== current.motifId) await this.requireMotif(tx, changes.motifId);
        const before = current.agents.map((agent) => agent.member.id);
        const added = (agentIds ?? []).filter((agentId) => !before.includes(agentId)).sort();
        const removed = agentIds ? before.filter((agentId) => !agentIds.includes(agentId)) : [];
        await requireAgents(tx, added, 'agentIds');

        const startsAt = newStart ? this.checkedStart(newStart) : current.startsAt;
        const minutes = durationMinutes ?? (current.endsAt.getTime() - current.startsAt.getTime()) / MINUTE;
        const endsAt = new Date(startsAt.getTime() + minutes * MINUTE);
        if (isAttendance(current.status) && startsAt > this.clock.now()) {
          throw new UnprocessableEntityException({
            detail: 'Un rendez-vous honoré ou manqué ne peut pas être déplacé dans le futur. Remettez-le d’abord à « Prévu ».',
          });
        }
        wanted = { agentIds: agentIds ?? before, startsAt, endsAt };
        const moved = startsAt.getTime() !== current.startsAt.getTime() || endsAt.getTime() !== current.endsAt.getTime();

        // Removed agents leave before the move and added ones join after it, so that no agent is
        // ever checked against a time that will not be theirs.
        if (removed.length) await tx.appointmentAgent.deleteMany({ where: { appointmentId: id, membershipId: { in: removed } } });
        const { count } = await tx.appointment.updateMany({
          where: { id, version },
          data: { ...changes, ...(moved ? { startsAt, endsAt } : {}), version: { increment: 1 }, updatedAt: new Date() },
        });
        if (count === 0) throw staleVersion('Ce rendez-vous');
        if (added.length) await tx.appointmentAgent.createMany({ data: added.map((membershipId) => ({ tenantId: user.tenantId, appointmentId: id, membershipId })) });
        await this.audit.record(tx, fileEvent('update', current.beneficiaryId, 'appointment', { appointmentId: id, moved }));
        return toAppointment(await this.load(tx, id));
      });
    } catch (error) {
      if (wanted && isSlotTaken(error)) throw await this.slotTaken(wanted.agentIds, wanted, id);
      throw error;
    }
  }

  /**
   * Whether the person came (only once it has started, and correctable), or a cancellation (only of
   * a planned appointment, and final). Who set it and when are kept.
   */
  setStatus(id: string, { version, status }: SetAppointmentStatusInput): Promise<Appointment> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      const current = await this.load(tx, id);
      if (current.version !== version) throw staleVersion('Ce rendez-vous');
      if (current.status === status) return toAppointment(current);
      const from = current.status as AppointmentStatus;
      if (!APPOINTMENT_STATUS_TRANSITIONS[from].includes(status)) throw new ConflictException({ detail: refusedTransition(from) });
      const now = this.clock.now();
      if (isAttendance(status) && current.startsAt > now) {
        throw new UnprocessableEntityException({
          detail: 'Ce rendez-vous n’a pas encore commencé : vous pourrez indiquer si la personne est venue à partir de son heure de début.',
        });
      }
      const { count } = await tx.appointment.updateMany({
        where: { id, version },
        data: { status, statusChangedAt: now, statusChangedBy: user.membershipId, version: { increment: 1 }, updatedAt: new Date() },
      });
      if (count === 0) throw staleVersion('Ce rendez-vous');
      // An appointment the person came to is a contact (it drives retention).
      if (status === 'SEEN') {
        await tx.$executeRaw`UPDATE beneficiaries SET last_contact_at = greatest(last_contact_at, ${current.startsAt})
                              WHERE id = ${current.beneficiaryId}::uuid`;
      }
      await this.audit.record(tx, fileEvent('update', current.beneficiaryId, 'appointment', { appointmentId: id, status }));
      return toAppointment(await this.load(tx, id));
    });
  }

  /** Each file whose appointments were shown has been read. */
  private async audited(tx: TenantTx, page: Page<Appointment>): Promise<Page<Appointment>> {
    const files = new Set(page.items.map((item) => item.beneficiary.id));
    await this.audit.recordMany(tx, [...files].map((beneficiaryId) => fileEvent('read', beneficiaryId, 'appointments')));
    return page;
  }

  /** The slots met, read in a transaction of its own (the refused one has rolled back). */
  private async slotTaken(agentIds: string[], period: { startsAt: Date; endsAt: Date }, exceptAppointmentId?: string) {
    const conflicts = await this.db.transaction((tx) => busySlotsMeeting(tx, agentIds, singlePeriod(period.startsAt, period.endsAt), { exceptAppointmentId }));
    return new SlotTakenException(conflicts);
  }

  private async load(tx: TenantTx, id: string): Promise<AppointmentRow> {
    const row = await tx.appointment.findFirst({ where: { id }, include: appointmentInclude });
    if (!row) throw new NotFoundException({ detail: 'Ce rendez-vous n’existe pas ou ne fait pas partie de votre structure.' });
    return row;
  }

  /** The file exists (404 otherwise) and its person can still be met. */
  private async requireBookableFile(tx: TenantTx, beneficiaryId: string): Promise<void> {
    const file = await requireFile(tx, beneficiaryId);
    if (file.status === 'ARCHIVED' || file.status === 'DECEASED') {
      throw new UnprocessableEntityException({ detail: 'Ce dossier est archivé ou la personne est décédée : aucun rendez-vous ne peut y être pris.' });
    }
  }

  private async requireMotif(tx: TenantTx, motifId: string) {
    const motif = await tx.appointmentMotif.findFirst({ where: { id: motifId, retiredAt: null } });
    if (!motif) {
      const message = 'Motif inconnu ou retiré.';
      throw new BadRequestException({ detail: 'Choisissez un motif proposé par votre structure.', errors: [{ path: 'motifId', message }] });
    }
    return motif;
  }

  /** A start not absurdly far from today (a typo in the year books nothing). */
  private checkedStart(startsAt: string): Date {
    const at = new Date(startsAt);
    const now = this.clock.now().getTime();
    if (at.getTime() < now - MAX_DAYS_BEFORE * DAY || at.getTime() > now + MAX_DAYS_AHEAD * DAY) {
      const message = 'Le rendez-vous doit avoir lieu entre il y a un an et dans deux ans.';
      throw new BadRequestException({ detail: message, errors: [{ path: 'startsAt', message }] });
    }
    return at;
  }
}

function refusedTransition(from: AppointmentStatus): string {
  if (isCancelled(from)) return 'Ce rendez-vous est annulé : une annulation est définitive. Prenez un nouveau rendez-vous si besoin.';
  return 'Un rendez-vous honoré ou manqué ne peut plus être annulé. S’il s’agit d’une erreur, remettez-le d’abord à « Prévu ».';
}
