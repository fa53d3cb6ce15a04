import { Injectable, NotFoundException } from '@nestjs/common';
import type { HouseholdMember, HouseholdMemberInput, Page, PageQuery, UpdateHouseholdMemberInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, IdCursor } from '../../common/cursor';
import { currentUser } from '../../common/request-context';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { fromIsoDate, toHouseholdMember } from './beneficiary.mapper';
import { fileEvent, requireFile, staleVersion } from './file-access';

/** The people of a beneficiary's household ("foyer"). */
@Injectable()
export class HouseholdMembersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(beneficiaryId: string, query: PageQuery): Promise<Page<HouseholdMember>> {
    const after = query.cursor ? decodeCursor(query.cursor, IdCursor).id : undefined;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const rows = await tx.householdMember.findMany({
        where: { beneficiaryId, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' },
        take: query.limit + 1,
      });
      await this.audit.record(tx, fileEvent('read', beneficiaryId, 'household'));
      const items = rows.slice(0, query.limit).map(toHouseholdMember);
      return { items, nextCursor: rows.length > query.limit ? encodeCursor({ id: items.at(-1)!.id }) : null };
    });
  }

  add(beneficiaryId: string, input: HouseholdMemberInput): Promise<HouseholdMember> {
    return this.db.transaction(async (tx) => {
      await requireFile(tx, beneficiaryId);
      const row = await tx.householdMember.create({
        data: { ...input, birthDate: fromIsoDate(input.birthDate), beneficiaryId, tenantId: currentUser().tenantId },
      });
      await this.audit.record(tx, fileEvent('create', beneficiaryId, 'household-member', { householdMemberId: row.id }));
      return toHouseholdMember(row);
    });
  }

  update(beneficiaryId: string, id: string, { version, ...input }: UpdateHouseholdMemberInput): Promise<HouseholdMember> {
    return this.db.transaction(async (tx) => {
      await this.requireMember(tx, beneficiaryId, id);
      const { count } = await tx.householdMember.updateMany({
        where: { id, beneficiaryId, version },
        data: { ...input, birthDate: fromIsoDate(input.birthDate), version: { increment: 1 }, updatedAt: new Date() },
      });
      if (count === 0) throw staleVersion('Ce membre du foyer');
      await this.audit.record(tx, fileEvent('update', beneficiaryId, 'household-member', { householdMemberId: id }));
      return toHouseholdMember((await tx.householdMember.findFirst({ where: { id } }))!);
    });
  }

  remove(beneficiaryId: string, id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      await this.requireMember(tx, beneficiaryId, id);
      await tx.householdMember.deleteMany({ where: { id, beneficiaryId } });
      await this.audit.record(tx, fileEvent('delete', beneficiaryId, 'household-member', { householdMemberId: id }));
    });
  }

  private async requireMember(tx: TenantTx, beneficiaryId: string, id: string): Promise<void> {
    await requireFile(tx, beneficiaryId);
    if (!(await tx.householdMember.findFirst({ where: { id, beneficiaryId }, select: { id: true } }))) {
      throw new NotFoundException({ detail: 'Ce membre du foyer n’existe pas dans ce dossier.' });
    }
  }
}
