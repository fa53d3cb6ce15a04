import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DIGITAL_PARTNER_KINDS, type Page, type Partner, type PartnerInput, type PartnerQuery, type UpdatePartnerInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, NameCursor } from '../../common/cursor';
import { afterName } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { retirement } from '../../common/retirement';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { toPartner } from './digital-inclusion.mapper';
import { nameTaken } from '../../tenancy/lookups';

/** The tenant's directory of partners, kept by its ADMIN; retired partners stay on old referrals. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(query: PartnerQuery): Promise<Page<Partner>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, NameCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.partner.findMany({
        where: {
          ...(query.includeRetired ? {} : { retiredAt: null }),
          ...(query.kind ? { kind: query.kind } : query.digital ? { kind: { in: [...DIGITAL_PARTNER_KINDS] } } : {}),
          ...afterName('name', cursor),
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
      });
      const items = rows.slice(0, query.limit).map(toPartner);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null };
    });
  }

  create(input: PartnerInput): Promise<Partner> {
    return this.db.transaction(async (tx) => {
      await this.refuseDuplicateName(tx, input.name);
      const row = await tx.partner.create({ data: { ...input, tenantId: currentUser().tenantId } });
      await this.audit.record(tx, { action: 'create', entityType: 'partner', entityId: row.id });
      return toPartner(row);
    });
  }

  update(id: string, { retired, ...fields }: UpdatePartnerInput): Promise<Partner> {
    return this.db.transaction(async (tx) => {
      const current = await tx.partner.findFirst({ where: { id } });
      if (!current) throw new NotFoundException({ detail: 'Ce partenaire n’existe pas dans votre annuaire.' });
      if (fields.name && fields.name !== current.name) await this.refuseDuplicateName(tx, fields.name, id);
      const row = await tx.partner.update({
        where: { tenantId_id: { tenantId: current.tenantId, id } },
        data: { ...fields, ...retirement(retired, current.retiredAt) },
      });
      await this.audit.record(tx, { action: 'update', entityType: 'partner', entityId: id });
      return toPartner(row);
    });
  }

  /** Names differing only by case or accents are the same partner; renaming one to a new spelling of its own name is not a duplicate. */
  private async refuseDuplicateName(tx: TenantTx, name: string, except: string | null = null): Promise<void> {
    if (await nameTaken(tx, 'partners', name, except)) throw new ConflictException({ detail: 'Un partenaire porte déjà ce nom dans votre annuaire.' });
  }
}
