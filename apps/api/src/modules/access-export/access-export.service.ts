import { Injectable } from '@nestjs/common';
import { type AccessExport, type AccessExportFormat, can, PRIVATE_NOTES_RULE } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock';
import { currentUser } from '../../common/request-context';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { AppointmentsService } from '../appointments/appointments.service';
import { toAppointment } from '../appointments/appointment.mapper';
import { accessLogSelect, beneficiaryInclude, toAccessLogEntry, toBeneficiary, toHouseholdMember, toPersonRef } from '../beneficiaries/beneficiary.mapper';
import { fileEvent, requireFile } from '../beneficiaries/file-access';
import { AssessmentsService } from '../digital-inclusion/assessments.service';
import { toAssessment, toReferral } from '../digital-inclusion/digital-inclusion.mapper';
import { ReferralsService } from '../digital-inclusion/referrals.service';
import { toInterview } from '../interviews/interview.mapper';
import { InterviewsService } from '../interviews/interviews.service';
import { toProcedure } from '../procedures/procedure.mapper';
import { ProceduresService } from '../procedures/procedures.service';

type Cursor = { at: string; id: string } | undefined;

/** Rows read per query: a file with years of history is read in several rounds, never cut short. */
const BATCH = 500;

/** Every row of a newest-first keyset query, page after page. */
async function everything<R extends { id: string }>(read: (cursor: Cursor, take: number) => Promise<R[]>, instant: (row: R) => Date): Promise<R[]> {
  const rows: R[] = [];
  let cursor: Cursor;
  for (;;) {
    const batch = await read(cursor, BATCH);
    rows.push(...batch);
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) return rows;
    cursor = { at: instant(last).toISOString(), id: last.id };
  }
}

const without = <T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> => {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
};

/**
 * Right of access (RGPD art. 15): everything held about one person, read in one transaction with the
 * same queries and mappers as the file's own screens. Row-level security decides which notes appear:
 * others' private notes are not even visible to this query. The export is audited on the file.
 */
@Injectable()
export class AccessExportService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly interviews: InterviewsService,
    private readonly procedures: ProceduresService,
    private readonly assessments: AssessmentsService,
    private readonly referrals: ReferralsService,
    private readonly appointments: AppointmentsService,
    private readonly clock: Clock,
  ) {}

  async export(beneficiaryId: string, format: AccessExportFormat): Promise<AccessExport> {
    const user = currentUser();
    // The export holds the social content of the file: exporting is not a way around reading it.
    if (!can(user, 'beneficiary:read')) {
      throw await this.audit.refuse('Votre rôle ne donne pas accès au contenu des dossiers.', fileEvent('denied', beneficiaryId, 'access-export'));
    }
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      // Recorded first, so that the export lists itself among the accesses to the file.
      await this.audit.record(tx, fileEvent('export', beneficiaryId, 'access-export', { format }));
      const file = await tx.beneficiary.findFirstOrThrow({ where: { id: beneficiaryId }, include: beneficiaryInclude });
      const tenant = await tx.tenant.findFirstOrThrow({ select: { name: true } });
      const me = await tx.membership.findFirstOrThrow({ where: { id: user.membershipId }, select: { id: true, firstName: true, lastName: true } });
      const household = await tx.householdMember.findMany({ where: { beneficiaryId }, orderBy: [{ birthDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] });
      const interviews = await everything((cursor, take) => this.interviews.newestFirst(tx, beneficiaryId, cursor, take), (row) => row.occurredAt);
      const procedures = await everything((cursor, take) => this.procedures.newestFirst(tx, beneficiaryId, cursor, take), (row) => row.occurredAt);
      const assessments = await everything((cursor, take) => this.assessments.newestFirst(tx, beneficiaryId, cursor, take), (row) => row.occurredAt);
      const referrals = await everything((cursor, take) => this.referrals.newestFirst(tx, beneficiaryId, cursor, take), (row) => row.occurredAt);
      const appointments = await everything((cursor, take) => this.appointments.newestFirst(tx, beneficiaryId, cursor, take), (row) => row.startsAt);
      return {
        generatedAt: this.clock.now().toISOString(),
        generatedBy: toPersonRef(me),
        organisation: { name: tenant.name },
        privateNotesRule: PRIVATE_NOTES_RULE,
        file: toBeneficiary(file, true),
        household: household.map((member) => without(toHouseholdMember(member), 'version')),
        interviews: interviews.map((row) => without(toInterview(row, user), 'editable', 'version')),
        procedures: procedures.map((row) => without(toProcedure(row, user), 'editable', 'version')),
        digitalAssessments: assessments.map(toAssessment),
        referrals: referrals.map((row) => without(toReferral(row), 'version')),
        appointments: appointments.map((row) => without(toAppointment(row), 'version')),
        accessLog: await this.accessLog(tx, beneficiaryId),
      };
    });
  }

  /** Who opened or changed the file, newest first (the same events as its "Accès au dossier" tab). */
  private async accessLog(tx: TenantTx, beneficiaryId: string): Promise<AccessExport['accessLog']> {
    const events = await tx.auditEvent.findMany({ where: { entityType: 'beneficiary', entityId: beneficiaryId }, orderBy: { seq: 'desc' }, select: accessLogSelect });
    return events.map(toAccessLogEntry);
  }
}
