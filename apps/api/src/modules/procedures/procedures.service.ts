import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  can,
  CreateProcedureInput,
  type Page,
  type Procedure,
  type ProcedureQuery,
  TO_DO_OUTCOMES,
  type UpdateProcedureInput,
} from '@ccas/shared';
import type { z } from 'zod';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, TimeCursor } from '../../common/cursor';
import { after } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { fileEvent, requireFile, staleVersion } from '../beneficiaries/file-access';
import { procedureInclude, type ProcedureRow, toProcedure } from './procedure.mapper';

type NewProcedure = z.output<typeof CreateProcedureInput>;

/**
 * The log of procedures done for or with people. An agent logs and edits their own; the front desk
 * may log an orientation only; managers read everything. Each read and write is audited on the file.
 */
@Injectable()
export class ProceduresService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(query: ProcedureQuery): Promise<Page<Procedure>> {
    const user = currentUser();
    const cursor = query.cursor ? decodeCursor(query.cursor, TimeCursor) : undefined;
    const agentId = query.agent === 'me' ? user.membershipId : query.agent;
    return this.db.transaction(async (tx) => {
      if (query.beneficiaryId) await requireFile(tx, query.beneficiaryId);
      const rows = await tx.procedure.findMany({
        where: {
          beneficiaryId: query.beneficiaryId,
          agentId,
          ...(query.toDo ? { closedAt: null, outcome: { in: [...TO_DO_OUTCOMES] } } : {}),
          ...after('occurredAt', cursor),
        },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
        include: procedureInclude,
      });
      const page = this.page(rows, query.limit);
      // Each file whose procedures were shown has been read.
      const files = new Set(page.items.map((item) => item.beneficiary.id));
      await this.audit.recordMany(tx, [...files].map((beneficiaryId) => fileEvent('read', beneficiaryId, 'procedures')));
      return page;
    });
  }

  /** Rows for a page of a file's timeline. */
  newestFirst(tx: TenantTx, beneficiaryId: string, cursor: { at: string; id: string } | undefined, take: number) {
    return tx.procedure.findMany({
      where: { beneficiaryId, ...after('occurredAt', cursor) },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
      include: procedureInclude,
    });
  }

  get(id: string): Promise<Procedure> {
    return this.db.transaction(async (tx) => {
      const row = await this.load(tx, id);
      await this.audit.record(tx, fileEvent('read', row.beneficiaryId, 'procedure', { procedureId: id }));
      return toProcedure(row, currentUser());
    });
  }

  async create(input: NewProcedure): Promise<Procedure> {
    const user = currentUser();
    await this.checkMode(input.beneficiaryId, input.mode);
    return this.db.transaction(async (tx) => {
      await requireFile(tx, input.beneficiaryId);
      await this.requireEntries(tx, { organismId: input.organismId, procedureTypeId: input.procedureTypeId });
      const { beneficiaryId, occurredAt, ...fields } = input;
      const created = await tx.procedure.create({
        data: { ...fields, tenantId: user.tenantId, beneficiaryId, agentId: user.membershipId, occurredAt: occurredAt ?? new Date() },
        include: procedureInclude,
      });
      // Doing a procedure with or for the person is a contact (it drives retention).
      await tx.$executeRaw`UPDATE beneficiaries SET last_contact_at = greatest(last_contact_at, ${created.occurredAt})
                            WHERE id = ${beneficiaryId}::uuid`;
      await this.audit.record(tx, fileEvent('create', beneficiaryId, 'procedure', { procedureId: created.id, mode: created.mode }));
      return toProcedure(created, user);
    });
  }

  /** Its agent changes the fields sent, on the version they read; `closed` ends a follow-up. */
  update(id: string, { version, closed, ...changes }: UpdateProcedureInput): Promise<Procedure> {
    const user = currentUser();
    return this.db.transaction(async (tx) => {
      const current = await this.load(tx, id);
      if (current.agentId !== user.membershipId) {
        throw await this.audit.refuse('Seul l’agent qui a enregistré cette démarche peut la modifier.', fileEvent('denied', current.beneficiaryId, 'procedure', { procedureId: id }));
      }
      if (changes.mode) await this.checkMode(current.beneficiaryId, changes.mode);
      const consent = changes.consent ?? current.consent;
      const mandateReference = changes.mandateReference === undefined ? current.mandateReference : changes.mandateReference;
      if (consent === 'MANDATE' && !mandateReference) {
        throw new BadRequestException({ detail: 'Indiquez la référence du mandat.', errors: [{ path: 'mandateReference', message: 'Indiquez la référence du mandat.' }] });
      }
      // A retired entry stays on the procedure; only a newly chosen one must be active.
      await this.requireEntries(tx, {
        organismId: changes.organismId !== current.organismId ? changes.organismId : undefined,
        procedureTypeId: changes.procedureTypeId !== current.procedureTypeId ? changes.procedureTypeId : undefined,
      });
      const { count } = await tx.procedure.updateMany({
        where: { id, version },
        data: {
          ...changes,
          ...(closed === undefined ? {} : { closedAt: closed ? (current.closedAt ?? new Date()) : null }),
          version: { increment: 1 },
          updatedAt: new Date(),
        },
      });
      if (count === 0) throw staleVersion('Cette démarche');
      await this.audit.record(tx, fileEvent('update', current.beneficiaryId, 'procedure', { procedureId: id }));
      return toProcedure(await this.load(tx, id), user);
    });
  }

  page(rows: ProcedureRow[], limit: number): Page<Procedure> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => toProcedure(row, currentUser())),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.occurredAt.toISOString(), id: last.id }) : null,
    };
  }

  private async load(tx: TenantTx, id: string): Promise<ProcedureRow> {
    const row = await tx.procedure.findFirst({ where: { id }, include: procedureInclude });
    if (!row) throw new NotFoundException({ detail: 'Cette démarche n’existe pas ou ne fait pas partie de votre structure.' });
    return row;
  }

  /** The front desk shows people how to do things; doing them with or for people is social work. */
  private async checkMode(beneficiaryId: string, mode: NewProcedure['mode']): Promise<void> {
    if (mode !== 'ORIENTATION' && !can(currentUser(), 'procedure:write')) {
      throw await this.audit.refuse(
        'L’accueil peut enregistrer une orientation, pas une démarche faite avec ou pour la personne.',
        fileEvent('denied', beneficiaryId, 'procedure', { mode }),
      );
    }
  }

  /** Entries of this tenant's catalogues, of the right kind, and not retired (old records keep theirs). */
  private async requireEntries(tx: TenantTx, chosen: { organismId?: string; procedureTypeId?: string }): Promise<void> {
    if (!chosen.organismId && !chosen.procedureTypeId) return;
    const wanted = [
      ...(chosen.organismId ? [{ id: chosen.organismId, kind: 'organism', path: 'organismId', message: 'Organisme inconnu ou retiré.' }] : []),
      ...(chosen.procedureTypeId
        ? [{ id: chosen.procedureTypeId, kind: 'procedure-type', path: 'procedureTypeId', message: 'Type de démarche inconnu ou retiré.' }]
        : []),
    ];
    const found = await tx.catalogueEntry.findMany({
      where: { retiredAt: null, OR: wanted.map(({ id, kind }) => ({ id, kind })) },
      select: { id: true, kind: true },
    });
    const missing = wanted.filter((entry) => !found.some((row) => row.id === entry.id && row.kind === entry.kind));
    if (missing.length) {
      throw new BadRequestException({
        detail: 'Choisissez un organisme et un type de démarche actifs du catalogue de votre structure.',
        errors: missing.map(({ path, message }) => ({ path, message })),
      });
    }
  }
}
