import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import {
  type ArchiveFilesInput,
  type ArchiveFilesResult,
  formatFileNumber,
  INTERVIEW_THEME_SUGGESTIONS,
  type Page,
  PROBLEM_TYPES,
  type PostponeRetentionInput,
  type RetentionDueQuery,
  type RetentionReview,
} from '@ccas/shared';
import { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { FILE_ANONYMISED, FILE_NOT_DUE, isDatabaseError } from '../../common/database-error';
import { addMonths, parisDate } from '../../common/paris-date';
import { currentUser } from '../../common/request-context';
import type { Prisma } from '../../generated/prisma/client';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { fileEvent } from '../beneficiaries/file-access';

/** A postponement lasts 6 months unless the manager says otherwise, and at most 3 years. */
const DEFAULT_POSTPONE_MONTHS = 6;
const MAX_POSTPONE_MONTHS = 36;

const ReviewCursor = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });

const reviewInclude = {
  beneficiary: { select: { fileNumber: true, status: true, site: { select: { id: true, name: true } } } },
  postponer: { select: { id: true, firstName: true, lastName: true } },
} as const satisfies Prisma.RetentionReviewInclude;
type ReviewRow = Prisma.RetentionReviewGetPayload<{ include: typeof reviewInclude }>;

interface FileToArchive {
  id: string;
  file_number: number;
  anonymised_at: Date | null;
}

/**
 * The managers' review of the files due for archiving: the list the daily job keeps, archiving
 * (anonymisation, all the chosen files or none) and postponing with a reason.
 */
/** Longest an archiving batch may take. */
const ARCHIVE_TIMEOUT_MS = 60_000;

@Injectable()
export class RetentionService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Due files (postponement over or none), oldest last contact first; or the postponed ones. */
  list(query: RetentionDueQuery): Promise<Page<RetentionReview>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, ReviewCursor) : undefined;
    const today = new Date(`${parisDate(this.clock.now())}T00:00:00Z`);
    const state: Prisma.RetentionReviewWhereInput =
      query.state === 'due' ? { OR: [{ postponedUntil: null }, { postponedUntil: { lte: today } }] } : { postponedUntil: { gt: today } };
    const after: Prisma.RetentionReviewWhereInput = cursor
      ? { OR: [{ lastContactAt: { gt: new Date(cursor.at) } }, { lastContactAt: new Date(cursor.at), beneficiaryId: { gt: cursor.id } }] }
      : {};
    return this.db.transaction(async (tx) => {
      const rows = await tx.retentionReview.findMany({
        where: { AND: [state, after, { beneficiary: { anonymisedAt: null } }] },
        orderBy: [{ lastContactAt: 'asc' }, { beneficiaryId: 'asc' }],
        take: query.limit + 1,
        include: reviewInclude,
      });
      const items = rows.slice(0, query.limit);
      await this.audit.record(tx, { action: 'read', entityType: 'retention-review', details: { target: query.state, results: items.length } });
      const last = items.at(-1);
      return {
        items: items.map(toReview),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.lastContactAt.toISOString(), id: last.beneficiaryId }) : null,
      };
    });
  }

  /**
   * Anonymises the chosen files in one transaction: every file must exist, be on the list and
   * still be due now (a contact recorded since the job ran, or an appointment booked, takes it off).
   * The database decides that, under each file's row lock (app_anonymise_beneficiary).
   */
  archive({ beneficiaryIds }: ArchiveFilesInput): Promise<ArchiveFilesResult> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const files = await this.lockFiles(tx, beneficiaryIds);
      if (files.length !== beneficiaryIds.length) {
        throw new NotFoundException({ detail: 'Un ou plusieurs dossiers n’existent pas ou ne font pas partie de votre structure.' });
      }
      const anonymisedFile = files.find((file) => file.anonymised_at);
      if (anonymisedFile) throw anonymised(`Le dossier ${formatFileNumber(anonymisedFile.file_number)}`);
      const lastContacts: Date[] = [];
      for (const file of files) lastContacts.push(await this.anonymise(tx, file, now));
      await this.audit.recordMany(
        tx,
        files.map((file, index) => fileEvent('delete', file.id, 'anonymisation', { lastContactAt: lastContacts[index].toISOString() })),
      );
      return { archived: files.map((file) => ({ beneficiaryId: file.id, anonymisedAt: now.toISOString() })) };
      // Up to 100 files, each erased across a dozen tables: more than a read's 5 s may be needed.
    }, { timeoutMs: ARCHIVE_TIMEOUT_MS });
  }

  /** Keeps a due file until a given day (6 months by default), with the reason. */
  postpone(input: PostponeRetentionInput): Promise<RetentionReview> {
    const now = this.clock.now();
    const today = parisDate(now);
    const until = input.until ?? addMonths(today, DEFAULT_POSTPONE_MONTHS);
    if (until <= today) refuse('until', 'Le report doit aller au-delà d’aujourd’hui.');
    if (until > addMonths(today, MAX_POSTPONE_MONTHS)) refuse('until', `Un report dure au plus ${MAX_POSTPONE_MONTHS / 12} ans.`);
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      const [file] = await tx.$queryRaw<{ anonymised_at: Date | null; reviewed: boolean }[]>`
        SELECT b.anonymised_at, EXISTS (SELECT 1 FROM retention_reviews r WHERE r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id) AS reviewed
          FROM beneficiaries b WHERE b.id = ${input.beneficiaryId}::uuid FOR UPDATE OF b`;
      if (!file) throw new NotFoundException({ detail: 'Ce dossier n’existe pas ou ne fait pas partie de votre structure.' });
      if (file.anonymised_at) throw anonymised('Ce dossier');
      if (!file.reviewed) throw new ConflictException({ detail: 'Ce dossier n’est pas à archiver : il n’y a rien à reporter.' });
      const row = await tx.retentionReview.update({
        where: { tenantId_beneficiaryId: { tenantId: user.tenantId, beneficiaryId: input.beneficiaryId } },
        data: { postponedUntil: new Date(`${until}T00:00:00Z`), postponeReason: input.reason, postponedBy: user.membershipId, postponedAt: now },
        include: reviewInclude,
      });
      await this.audit.record(tx, fileEvent('update', input.beneficiaryId, 'retention-postponement', { until }));
      return toReview(row);
    });
  }

  /** The chosen files, locked against any concurrent write, in one order so that two reviews never deadlock. */
  private lockFiles(tx: TenantTx, ids: string[]): Promise<FileToArchive[]> {
    return tx.$queryRaw<FileToArchive[]>`
      SELECT b.id, b.file_number, b.anonymised_at FROM beneficiaries b
       WHERE b.id = ANY (${ids}::uuid[]) ORDER BY b.id FOR UPDATE`;
  }

  /** Anonymises one locked file, once the database has found it still due; returns its last contact. */
  private async anonymise(tx: TenantTx, file: FileToArchive, now: Date): Promise<Date> {
    const number = formatFileNumber(file.file_number);
    try {
      const [row] = await tx.$queryRaw<{ last_contact: Date | null }[]>`
        SELECT app_anonymise_beneficiary(${file.id}::uuid, ${now}::timestamptz, ${[...INTERVIEW_THEME_SUGGESTIONS]}::text[]) AS last_contact`;
      // Locked just before in this transaction: it exists.
      return row.last_contact!;
    } catch (error) {
      if (isDatabaseError(error, FILE_NOT_DUE, 'not on the retention review list')) {
        throw new ConflictException({ detail: `Le dossier ${number} n’est pas dans la liste des dossiers à archiver.` });
      }
      if (isDatabaseError(error, FILE_NOT_DUE)) {
        throw new ConflictException({
          detail: `Le dossier ${number} n’est plus à archiver : un contact ou un rendez-vous a été enregistré depuis la dernière vérification.`,
        });
      }
      if (isDatabaseError(error, FILE_ANONYMISED)) throw anonymised(`Le dossier ${number}`);
      throw error;
    }
  }
}

const anonymised = (what: string) =>
  new GoneException({ type: PROBLEM_TYPES.fileAnonymised, title: 'Dossier anonymisé', detail: `${what} est déjà archivé et anonymisé.` });

function refuse(path: string, message: string): never {
  throw new BadRequestException({ detail: message, errors: [{ path, message }] });
}

function toReview(row: ReviewRow): RetentionReview {
  return {
    beneficiaryId: row.beneficiaryId,
    fileNumber: row.beneficiary.fileNumber,
    status: row.beneficiary.status as RetentionReview['status'],
    site: row.beneficiary.site,
    lastContactAt: row.lastContactAt.toISOString(),
    dueSince: row.dueSince.toISOString(),
    postponedUntil: row.postponedUntil ? row.postponedUntil.toISOString().slice(0, 10) : null,
    postponeReason: row.postponeReason,
    postponedBy: row.postponer ? { id: row.postponer.id, name: `${row.postponer.firstName} ${row.postponer.lastName}` } : null,
  };
}
