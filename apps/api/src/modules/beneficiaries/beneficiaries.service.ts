import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  type AccessLogEntry,
  type Beneficiary,
  type BeneficiaryIdentity,
  type BeneficiaryQuery,
  type BeneficiarySummary,
  can,
  CreateBeneficiaryInput,
  displayName,
  type Page,
  PROBLEM_TYPES,
  type UpdateContactInput,
  type UpdateFollowUpInput,
  type UpdateIdentityInput,
  type UpdateRightsInput,
  type UpdateSituationInput,
} from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, OffsetCursor, SeqCursor } from '../../common/cursor';
import { currentUser } from '../../common/request-context';
import type { Prisma } from '../../generated/prisma/client';
import { requireSiteField } from '../../tenancy/lookups';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { accessLogSelect, beneficiaryInclude, fromIsoDate, toAccessLogEntry, toBeneficiary, toIsoDate, toSummary } from './beneficiary.mapper';
import { BeneficiariesRepository } from './beneficiaries.repository';
import { fileEvent, requireFile, staleVersion } from './file-access';
import { parseSearchTerms } from './search-terms';


/** A section write: the version it was based on, and the columns it sets. */
type SectionWrite = { version: number; data: Prisma.BeneficiaryUncheckedUpdateInput };

@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly repository: BeneficiariesRepository,
  ) {}

  async search(query: BeneficiaryQuery): Promise<Page<BeneficiarySummary>> {
    const user = currentUser();
    const terms = parseSearchTerms(query.q ?? '');
    const offset = query.cursor ? decodeCursor(query.cursor, OffsetCursor).offset : 0;
    const referentId = query.referent === 'me' ? user.membershipId : query.referent;
    return this.db.transaction(async (tx) => {
      const rows = await this.repository.search(tx, terms, { status: query.status, siteId: query.siteId, referentId }, offset, query.limit + 1);
      const found = rows.slice(0, query.limit);
      await this.audit.record(tx, { action: 'read', entityType: 'beneficiary', details: { target: 'search', results: found.length } });
      return {
        items: found.map(toSummary),
        nextCursor: rows.length > query.limit ? encodeCursor({ offset: offset + query.limit }) : null,
      };
    });
  }

  /** Opens a file with minimal data, unless it looks like a person who already has one. */
  async create(input: z.output<typeof CreateBeneficiaryInput>): Promise<Beneficiary> {
    const user = currentUser();
    const { identity, contact } = input;
    if (identity.birthDate && !input.ignoreDuplicates) {
      const duplicates = await this.likelyDuplicates(identity, identity.birthDate);
      if (duplicates.length) {
        throw new ConflictException({
          type: PROBLEM_TYPES.possibleDuplicates,
          title: 'Dossier peut-être déjà existant',
          detail: 'Une ou plusieurs personnes nées le même jour portent un nom proche. Vérifiez qu’il ne s’agit pas de la même personne.',
          duplicates,
        });
      }
    }
    return this.db.transaction(async (tx) => {
      if (input.siteId) await requireSiteField(tx, input.siteId);
      const created = await tx.beneficiary.create({
        data: {
          tenantId: user.tenantId,
          ...identityColumns(identity),
          ...(contact ? contact : {}),
          siteId: input.siteId === undefined ? (user.sites[0]?.id ?? null) : input.siteId,
          createdBy: user.membershipId,
          // A social worker who opens a file follows the person; the front desk only registers them.
          ...(can(user, 'beneficiary:update') ? { referents: { create: { membershipId: user.membershipId, assignedBy: user.membershipId } } } : {}),
        },
        select: { id: true },
      });
      await this.audit.record(tx, fileEvent('create', created.id, 'file', { duplicatesIgnored: input.ignoreDuplicates }));
      return this.load(tx, created.id);
    });
  }

  /**
   * Files with the same birth date and a similar name. Showing them is a read of those files, so it
   * is audited in a transaction of its own (the refused creation that follows writes nothing).
   */
  private likelyDuplicates(identity: BeneficiaryIdentity, birthDate: string) {
    const names = [identity.lastName, identity.firstName, identity.birthName, identity.alias].filter((name): name is string => !!name);
    return this.db.transaction(async (tx) => {
      const rows = await this.repository.findLikelyDuplicates(tx, birthDate, names);
      await this.audit.recordMany(tx, rows.map((row) => fileEvent('read', row.id, 'duplicate-warning')));
      return rows.map((row) => ({
        id: row.id,
        fileNumber: row.file_number,
        name: displayName({ lastName: row.last_name, firstName: row.first_name, alias: row.alias }),
        birthDate: toIsoDate(row.birth_date),
      }));
    });
  }

  async get(id: string): Promise<Beneficiary> {
    return this.db.transaction(async (tx) => {
      const file = await this.load(tx, id);
      await this.audit.record(tx, fileEvent('read', id, 'file'));
      return file;
    });
  }

  updateIdentity(id: string, { version, ...identity }: UpdateIdentityInput) {
    return this.writeSection(id, 'identity', { version, data: identityColumns(identity) });
  }

  updateContact(id: string, { version, ...contact }: UpdateContactInput) {
    return this.writeSection(id, 'contact', { version, data: contact });
  }

  updateSituation(id: string, { version, ...situation }: UpdateSituationInput) {
    return this.writeSection(id, 'situation', { version, data: situation });
  }

  updateRights(id: string, { version, ...rights }: UpdateRightsInput) {
    return this.writeSection(id, 'rights', { version, data: rights });
  }

  async updateFollowUp(id: string, { version, consentDate, ...followUp }: UpdateFollowUpInput) {
    return this.writeSection(id, 'follow-up', { version, data: followUp }, async (tx) => {
      if (followUp.siteId) await requireSiteField(tx, followUp.siteId);
      const current = await tx.beneficiary.findFirst({ where: { id }, select: { consentDate: true } });
      // Who recorded the consent changes only when the consent itself does.
      if (toIsoDate(current?.consentDate ?? null) === consentDate) return {};
      return { consentDate: fromIsoDate(consentDate), consentRecordedBy: consentDate ? currentUser().membershipId : null };
    });
  }

  async assignReferent(id: string, membershipId: string): Promise<Beneficiary> {
    await this.checkReferentChange(id, membershipId);
    return this.db.transaction(async (tx) => {
      await requireFile(tx, id);
      const member = await tx.membership.findFirst({ where: { id: membershipId, active: true }, select: { roles: true } });
      if (!member?.roles.includes('AGENT')) {
        throw new BadRequestException({ detail: 'Seul un travailleur social actif de votre structure peut être référent.' });
      }
      await tx.beneficiaryReferent.createMany({
        data: [{ tenantId: currentUser().tenantId, beneficiaryId: id, membershipId, assignedBy: currentUser().membershipId }],
        skipDuplicates: true,
      });
      await this.audit.record(tx, fileEvent('update', id, 'referent', { assigned: membershipId }));
      return this.load(tx, id);
    });
  }

  async removeReferent(id: string, membershipId: string): Promise<Beneficiary> {
    await this.checkReferentChange(id, membershipId);
    return this.db.transaction(async (tx) => {
      await requireFile(tx, id);
      const { count } = await tx.beneficiaryReferent.deleteMany({ where: { beneficiaryId: id, membershipId } });
      if (count === 0) throw new NotFoundException({ detail: 'Cette personne n’est pas référente de ce dossier.' });
      await this.audit.record(tx, fileEvent('update', id, 'referent', { removed: membershipId }));
      return this.load(tx, id);
    });
  }

  /** Who opened or changed this file, newest first. Reading it is itself recorded. */
  async accessLog(id: string, query: { limit: number; cursor?: string }): Promise<Page<AccessLogEntry>> {
    const before = query.cursor ? decodeCursor(query.cursor, SeqCursor).seq : undefined;
    return this.db.transaction(async (tx) => {
      await requireFile(tx, id);
      if (before === undefined) await this.audit.record(tx, fileEvent('read', id, 'access-log'));
      const events = await tx.auditEvent.findMany({
        where: { entityType: 'beneficiary', entityId: id, ...(before !== undefined ? { seq: { lt: before } } : {}) },
        orderBy: { seq: 'desc' },
        take: query.limit + 1,
        select: accessLogSelect,
      });
      const items = events.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map(toAccessLogEntry),
        nextCursor: events.length > query.limit && last ? encodeCursor({ seq: Number(last.seq) }) : null,
      };
    });
  }

  private load(tx: TenantTx, id: string): Promise<Beneficiary> {
    return tx.beneficiary
      .findFirst({ where: { id }, include: beneficiaryInclude })
      .then((row) => {
        if (!row) throw new NotFoundException({ detail: 'Ce dossier n’existe pas ou ne fait pas partie de votre structure.' });
        return toBeneficiary(row, can(currentUser(), 'beneficiary:read'));
      });
  }

  /**
   * One section write: applied only if the file is still at the version the writer read, so that
   * a stale edit changes nothing and gets a 409.
   */
  private writeSection(
    id: string,
    target: string,
    write: SectionWrite,
    extra: (tx: TenantTx) => Promise<Prisma.BeneficiaryUncheckedUpdateInput> = async () => ({}),
  ): Promise<Beneficiary> {
    return this.db.transaction(async (tx) => {
      await requireFile(tx, id);
      const data = { ...write.data, ...(await extra(tx)), version: { increment: 1 }, updatedAt: new Date() };
      const { count } = await tx.beneficiary.updateMany({ where: { id, version: write.version }, data });
      if (count === 0) throw staleVersion();
      await this.audit.record(tx, fileEvent('update', id, target));
      return this.load(tx, id);
    });
  }

  /** A social worker follows files themself; choosing someone else's caseload is a manager's call. */
  private async checkReferentChange(id: string, membershipId: string): Promise<void> {
    if (membershipId !== currentUser().membershipId && !can(currentUser(), 'referent:assign-others')) {
      throw await this.audit.refuse('Seule la direction peut désigner un autre référent que vous-même.', fileEvent('denied', id, 'referent'));
    }
  }
}

function identityColumns(identity: Omit<UpdateIdentityInput, 'version'>) {
  return { ...identity, birthDate: fromIsoDate(identity.birthDate) };
}
