import { Injectable, NotFoundException } from '@nestjs/common';
import {
  AUTHOR_ONLY_INTERVIEW_FIELDS,
  type CreateInterviewInput,
  type Interview,
  type InterviewRevision,
  type Page,
  type PageQuery,
  type UpdateInterviewInput,
} from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { after } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import type { Prisma } from '../../generated/prisma/client';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { toPersonRef } from '../beneficiaries/beneficiary.mapper';
import { fileEvent, requireFile, staleVersion } from '../beneficiaries/file-access';
import { editableBy, interviewInclude, type InterviewRow, toInterview } from './interview.mapper';

type NewInterview = z.output<typeof CreateInterviewInput>;
type SharedField = Exclude<keyof NewInterview, (typeof AUTHOR_ONLY_INTERVIEW_FIELDS)[number]>;
const SHARED_FIELDS: SharedField[] = ['occurredAt', 'channel', 'durationMinutes', 'themes', 'summary', 'followUpActions'];

/** The journal of a file: interviews, their notes (private or team) and their history of changes. */
@Injectable()
export class InterviewsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(beneficiaryId: string, query: PageQuery): Promise<Page<Interview>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const rows = await this.newestFirst(tx, beneficiaryId, cursor, query.limit + 1);
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'interviews'));
      return this.page(rows, query.limit);
    });
  }

  /** Rows for a page of the journal; shared with the timeline. */
  newestFirst(tx: TenantTx, beneficiaryId: string, cursor: { at: string; id: string } | undefined, take: number) {
    return tx.interview.findMany({
      where: { beneficiaryId, ...after('occurredAt', cursor) },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
      include: interviewInclude,
    });
  }

  get(beneficiaryId: string, id: string): Promise<Interview> {
    return this.db.transaction(async (tx) => {
      const row = await this.load(tx, beneficiaryId, id);
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'interview', { interviewId: id }));
      return toInterview(row, currentUser());
    });
  }

  create(beneficiaryId: string, input: NewInterview): Promise<Interview> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const { note, noteVisibility, ...shared } = input;
      const created = await tx.interview.create({
        data: {
          ...shared,
          tenantId: user.tenantId,
          beneficiaryId,
          authorId: user.membershipId,
          ...(note ? { note: { create: { authorId: user.membershipId, visibility: noteVisibility, body: note } } } : {}),
        },
        include: interviewInclude,
      });
      await this.touchLastContact(tx, beneficiaryId, created.occurredAt);
      await this.audit.record(tx, fileEvent('create', beneficiaryId, 'interview', { interviewId: created.id }));
      return toInterview(created, user);
    });
  }

  /**
   * Changes the fields sent. The author may change everything; a manager the shared fields only —
   * a note is its author's writing. Each change is kept: who, when, which fields, former shared values.
   */
  update(beneficiaryId: string, id: string, { version, ...changes }: UpdateInterviewInput): Promise<Interview> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      const current = await this.load(tx, beneficiaryId, id);
      const editable = editableBy(current, user);
      const touchesNote = AUTHOR_ONLY_INTERVIEW_FIELDS.some((field) => field in changes);
      if (editable === 'none' || (touchesNote && editable !== 'all')) {
        throw await this.audit.refuse(
          editable === 'none' ? 'Seul l’auteur de cet entretien peut le modifier.' : 'Seul l’auteur d’une note peut la modifier.',
          fileEvent('denied', beneficiaryId, 'interview', { interviewId: id }),
        );
      }
      if (current.version !== version) throw staleVersion('Cet entretien');

      const before = toInterview(current, user);
      const changedShared = SHARED_FIELDS.filter((field) => field in changes && !sameValue(field, before[field], changes[field]));
      const note = changes.note === undefined ? before.note : changes.note;
      const noteVisibility = changes.noteVisibility ?? before.noteVisibility ?? 'PRIVATE';
      const noteChanged = touchesNote && (note !== before.note || (note !== null && noteVisibility !== before.noteVisibility));
      if (changedShared.length === 0 && !noteChanged) return before;

      const { count } = await tx.interview.updateMany({
        where: { id, version },
        data: { ...pick(changes, changedShared), version: { increment: 1 }, updatedAt: new Date() },
      });
      if (count === 0) throw staleVersion('Cet entretien');
      if (noteChanged) await this.writeNote(tx, id, note, noteVisibility);
      if (changedShared.includes('occurredAt')) await this.recomputeLastContact(tx, beneficiaryId);
      const changedFields = [...changedShared, ...(noteChanged ? AUTHOR_ONLY_INTERVIEW_FIELDS.filter((field) => field in changes) : [])];
      await tx.interviewRevision.create({
        data: {
          tenantId: user.tenantId,
          interviewId: id,
          revisedBy: user.membershipId,
          changedFields,
          // Former values of shared fields only: a note's earlier text is never kept.
          previous: pick(before, changedShared) as Prisma.InputJsonObject,
        },
      });
      await this.audit.record(tx, fileEvent('update', beneficiaryId, 'interview', { interviewId: id, fields: changedFields.join(',') }));
      return toInterview(await this.load(tx, beneficiaryId, id), user);
    });
  }

  history(beneficiaryId: string, id: string, query: PageQuery): Promise<Page<InterviewRevision>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const interview = await this.load(tx, beneficiaryId, id);
      // A reader who cannot see the note is not told when it changed either.
      const hidden = interview.authorId !== currentUser().membershipId && !interview.note ? AUTHOR_ONLY_INTERVIEW_FIELDS : [];
      const rows = await tx.interviewRevision.findMany({
        where: { interviewId: id, ...after('revisedAt', cursor) },
        orderBy: [{ revisedAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
        include: { reviser: { select: { id: true, firstName: true, lastName: true } } },
      });
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'interview-history', { interviewId: id }));
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.flatMap((row) => {
          const changedFields = row.changedFields.filter((field) => !(hidden as readonly string[]).includes(field));
          if (changedFields.length === 0) return [];
          const previous = row.previous as Record<string, unknown>;
          return [{ id: row.id, revisedAt: row.revisedAt.toISOString(), revisedBy: toPersonRef(row.reviser), changedFields, previous }];
        }),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.revisedAt.toISOString(), id: last.id }) : null,
      };
    });
  }

  page(rows: InterviewRow[], limit: number): Page<Interview> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => toInterview(row, currentUser())),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.occurredAt.toISOString(), id: last.id }) : null,
    };
  }

  private async load(tx: TenantTx, beneficiaryId: string, id: string): Promise<InterviewRow> {
    await requireFile(tx, beneficiaryId);
    const row = await tx.interview.findFirst({ where: { id, beneficiaryId }, include: interviewInclude });
    if (!row) throw new NotFoundException({ detail: 'Cet entretien n’existe pas dans ce dossier.' });
    return row;
  }

  /** The last contact drives retention; an interview recorded later for an older date does not move it back. */
  private async touchLastContact(tx: TenantTx, beneficiaryId: string, at: Date): Promise<void> {
    await tx.$executeRaw`UPDATE beneficiaries SET last_contact_at = greatest(last_contact_at, ${at}) WHERE id = ${beneficiaryId}::uuid`;
  }

  /** After an interview's date is corrected, the last contact is the latest interview again. */
  private async recomputeLastContact(tx: TenantTx, beneficiaryId: string): Promise<void> {
    await tx.$executeRaw`UPDATE beneficiaries b SET last_contact_at = (SELECT max(occurred_at) FROM interviews i WHERE i.beneficiary_id = b.id)
                          WHERE b.id = ${beneficiaryId}::uuid`;
  }

  /** Only the author reaches this; row-level security would refuse anyone else's private note anyway. */
  private async writeNote(tx: TenantTx, interviewId: string, body: string | null, visibility: 'PRIVATE' | 'TEAM'): Promise<void> {
    const user = currentUser();
    if (!body) {
      await tx.interviewNote.deleteMany({ where: { interviewId } });
      return;
    }
    await tx.interviewNote.upsert({
      where: { tenantId_interviewId: { tenantId: user.tenantId, interviewId } },
      create: { tenantId: user.tenantId, interviewId, authorId: user.membershipId, visibility, body },
      update: { visibility, body, updatedAt: new Date() },
    });
  }
}

/**
 * Whether a field really changes: instants compare as instants whatever their offset, JSON values
 * whatever the order of their keys (jsonb does not keep it).
 */
function sameValue(field: SharedField, current: unknown, incoming: unknown): boolean {
  if (field === 'occurredAt') return current === new Date(incoming as string).toISOString();
  return canonical(current) === canonical(incoming);
}
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  );

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}
