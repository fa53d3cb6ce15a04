import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type BeneficiaryRecordsQuery, CreateReferralInput, OPEN_REFERRAL_STATUSES, type Page, type Referral, type UpdateReferralInput } from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { after } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { fileEvent, requireFile, staleVersion } from '../beneficiaries/file-access';
import { referralInclude, toReferral } from './digital-inclusion.mapper';

/** Referrals of people to partners, and how they went. */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  create(input: z.output<typeof CreateReferralInput>): Promise<Referral> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      await requireFile(tx, input.beneficiaryId);
      if (!(await tx.partner.findFirst({ where: { id: input.partnerId, retiredAt: null }, select: { id: true } }))) {
        throw new BadRequestException({
          detail: 'Choisissez un partenaire actif de votre annuaire.',
          errors: [{ path: 'partnerId', message: 'Partenaire inconnu ou retiré.' }],
        });
      }
      const open = await tx.referral.findFirst({
        where: { beneficiaryId: input.beneficiaryId, partnerId: input.partnerId, status: { in: [...OPEN_REFERRAL_STATUSES] } },
        select: { id: true },
      });
      if (open) {
        throw new ConflictException({ detail: 'Une orientation vers ce partenaire est déjà en cours pour cette personne : mettez-la à jour plutôt que d’en créer une autre.' });
      }
      const row = await tx.referral.create({
        data: { ...input, occurredAt: input.occurredAt ?? new Date(), tenantId: user.tenantId, agentId: user.membershipId },
        include: referralInclude,
      });
      await this.audit.record(tx, fileEvent('create', input.beneficiaryId, 'referral', { referralId: row.id }));
      return toReferral(row);
    });
  }

  /** Follows how a referral went; anyone accompanying the person may record it. */
  update(id: string, { version, ...changes }: UpdateReferralInput): Promise<Referral> {
    return this.db.transaction(async (tx) => {
      const current = await tx.referral.findFirst({ where: { id } });
      if (!current) throw new NotFoundException({ detail: 'Cette orientation n’existe pas ou ne fait pas partie de votre structure.' });
      const { count } = await tx.referral.updateMany({
        where: { id, version },
        data: {
          ...changes,
          ...(changes.status !== current.status ? { statusChangedAt: new Date() } : {}),
          version: { increment: 1 },
          updatedAt: new Date(),
        },
      });
      if (count === 0) throw staleVersion('Cette orientation');
      await this.audit.record(tx, fileEvent('update', current.beneficiaryId, 'referral', { referralId: id, status: changes.status }));
      return toReferral((await tx.referral.findFirst({ where: { id }, include: referralInclude }))!);
    });
  }

  list(query: BeneficiaryRecordsQuery): Promise<Page<Referral>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, query.beneficiaryId);
      const rows = await this.newestFirst(tx, query.beneficiaryId, cursor, query.limit + 1);
      await this.audit.record(tx, fileEvent('read', query.beneficiaryId, 'referrals'));
      return this.page(rows, query.limit);
    });
  }

  newestFirst(tx: TenantTx, beneficiaryId: string, cursor: { at: string; id: string } | undefined, take: number) {
    return tx.referral.findMany({
      where: { beneficiaryId, ...after('occurredAt', cursor) },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
      include: referralInclude,
    });
  }

  page(rows: Awaited<ReturnType<ReferralsService['newestFirst']>>, limit: number): Page<Referral> {
    const items = rows.slice(0, limit).map(toReferral);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.occurredAt, id: last.id }) : null };
  }
}
