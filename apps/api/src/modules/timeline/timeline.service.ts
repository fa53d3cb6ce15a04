import { Injectable } from '@nestjs/common';
import type { Page, TimelineItem, TimelineQuery } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { TenantDb } from '../../tenancy/tenant-db.service';
import { AppointmentsService } from '../appointments/appointments.service';
import { fileEvent, requireFile } from '../beneficiaries/file-access';
import { AssessmentsService } from '../digital-inclusion/assessments.service';
import { ReferralsService } from '../digital-inclusion/referrals.service';
import { InterviewsService } from '../interviews/interviews.service';
import { ProceduresService } from '../procedures/procedures.service';

/** Newest first; ties on the instant broken by id, like each source's own keyset. */
const newestFirst = (a: TimelineItem, b: TimelineItem) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id);

/**
 * Everything that happened in a file, newest first: interviews, procedures, assessments, referrals
 * and appointments (at their start, so planned ones come first) are each read on the same keyset
 * (instant, id) and the pages merged.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly interviews: InterviewsService,
    private readonly procedures: ProceduresService,
    private readonly assessments: AssessmentsService,
    private readonly referrals: ReferralsService,
    private readonly appointments: AppointmentsService,
  ) {}

  list(beneficiaryId: string, query: TimelineQuery): Promise<Page<TimelineItem>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    const take = query.limit + 1;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const interviews = this.interviews.page(await this.interviews.newestFirst(tx, beneficiaryId, cursor, take), take).items;
      const procedures = this.procedures.page(await this.procedures.newestFirst(tx, beneficiaryId, cursor, take), take).items;
      const assessments = this.assessments.page(await this.assessments.newestFirst(tx, beneficiaryId, cursor, take), take).items;
      const referrals = this.referrals.page(await this.referrals.newestFirst(tx, beneficiaryId, cursor, take), take).items;
      const appointments = this.appointments.page(await this.appointments.newestFirst(tx, beneficiaryId, cursor, take), take).items;
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'timeline'));
      const merged: TimelineItem[] = [
        ...interviews.map((interview) => ({ kind: 'interview' as const, id: interview.id, occurredAt: interview.occurredAt, interview })),
        ...procedures.map((procedure) => ({ kind: 'procedure' as const, id: procedure.id, occurredAt: procedure.occurredAt, procedure })),
        ...assessments.map((assessment) => ({ kind: 'assessment' as const, id: assessment.id, occurredAt: assessment.occurredAt, assessment })),
        ...referrals.map((referral) => ({ kind: 'referral' as const, id: referral.id, occurredAt: referral.occurredAt, referral })),
        ...appointments.map((appointment) => ({ kind: 'appointment' as const, id: appointment.id, occurredAt: appointment.startsAt, appointment })),
      ].sort(newestFirst);
      const items = merged.slice(0, query.limit);
      const last = items.at(-1);
      return { items, nextCursor: merged.length > query.limit && last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null };
    });
  }
}
