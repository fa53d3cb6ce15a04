import { Injectable } from '@nestjs/common';
import {
  type BeneficiaryRecordsQuery,
  CreateDigitalAssessmentInput,
  DIGITAL_AUTONOMY_RULE_VERSION,
  type DigitalAssessment,
  type Page,
  scoreDigitalAutonomy,
} from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { after } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { fileEvent, requireFile } from '../beneficiaries/file-access';
import { assessmentInclude, toAssessment } from './digital-inclusion.mapper';

/** Digital autonomy assessments: the level is computed here, once, by the shared rule. */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  create(input: z.output<typeof CreateDigitalAssessmentInput>): Promise<DigitalAssessment> {
    const user = currentUser();
    const result = input.declined ? null : scoreDigitalAutonomy(input.answers);
    return this.db.transaction(async (tx) => {
      await requireFile(tx, input.beneficiaryId);
      const row = await tx.digitalAssessment.create({
        data: {
          tenantId: user.tenantId,
          beneficiaryId: input.beneficiaryId,
          assessorId: user.membershipId,
          occurredAt: input.occurredAt ?? new Date(),
          declined: input.declined,
          declineReason: input.declined ? input.reason : null,
          answers: input.declined ? undefined : input.answers,
          level: result?.level,
          score: result?.score,
          reasons: result?.reasons ?? [],
          ruleVersion: result ? DIGITAL_AUTONOMY_RULE_VERSION : null,
        },
        include: assessmentInclude,
      });
      await this.audit.record(tx, fileEvent('create', input.beneficiaryId, 'assessment', { assessmentId: row.id, declined: row.declined }));
      return toAssessment(row);
    });
  }

  /** A file's assessments, newest first: the first is the current level. */
  list(query: BeneficiaryRecordsQuery): Promise<Page<DigitalAssessment>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, query.beneficiaryId);
      const rows = await this.newestFirst(tx, query.beneficiaryId, cursor, query.limit + 1);
      await this.audit.record(tx, fileEvent('read', query.beneficiaryId, 'assessments'));
      return this.page(rows, query.limit);
    });
  }

  newestFirst(tx: TenantTx, beneficiaryId: string, cursor: { at: string; id: string } | undefined, take: number) {
    return tx.digitalAssessment.findMany({
      where: { beneficiaryId, ...after('occurredAt', cursor) },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
      include: assessmentInclude,
    });
  }

  page(rows: Awaited<ReturnType<AssessmentsService['newestFirst']>>, limit: number): Page<DigitalAssessment> {
    const items = rows.slice(0, limit).map(toAssessment);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null };
  }
}
