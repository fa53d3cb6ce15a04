import { Injectable } from '@nestjs/common';
import type { Page, TimelineItem, TimelineQuery } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, TimeCursor } from '../../common/cursor';
import { TenantDb } from '../../tenancy/tenant-db.service';
import { fileEvent, requireFile } from '../beneficiaries/file-access';
import { InterviewsService } from './interviews.service';

/**
 * Everything that happened in a file, newest first. Interviews today; appointments and procedures
 * join the same keyset (occurred_at, id) when they exist.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly interviews: InterviewsService,
  ) {}

  list(beneficiaryId: string, query: TimelineQuery): Promise<Page<TimelineItem>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const rows = await this.interviews.newestFirst(tx, beneficiaryId, cursor, query.limit + 1);
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'timeline'));
      const { items, nextCursor } = this.interviews.page(rows, query.limit);
      return {
        items: items.map((interview) => ({ kind: 'interview' as const, id: interview.id, occurredAt: interview.occurredAt, interview })),
        nextCursor,
      };
    });
  }
}
