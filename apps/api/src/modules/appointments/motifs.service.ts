import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Motif, MotifInput, MotifQuery, Page, UpdateMotifInput } from '@ccas/shared';
import { AuditService } from '../../audit/audit.service';
import { decodeCursor, encodeCursor, NameCursor } from '../../common/cursor';
import { afterName } from '../../common/keyset';
import { currentUser } from '../../common/request-context';
import { retirement } from '../../common/retirement';
import { TenantDb, type TenantTx } from '../../tenancy/tenant-db.service';
import { nameTaken } from '../../tenancy/lookups';

type MotifRow = { id: string; label: string; durationMinutes: number; locationType: string; retiredAt: Date | null };

const toMotif = (row: MotifRow): Motif => ({
  id: row.id,
  label: row.label,
  durationMinutes: row.durationMinutes,
  locationType: row.locationType as Motif['locationType'],
  retired: row.retiredAt !== null,
});

/** Appointment reasons ("motifs"): seeded for every tenant, extended and retired by its ADMIN. */
@Injectable()
export class MotifsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** By label; retired ones only when asked (the administration screen). */
  list(query: MotifQuery): Promise<Page<Motif>> {
    const cursor = query.cursor ? decodeCursor(query.cursor, NameCursor) : undefined;
    return this.db.transaction(async (tx) => {
      const rows = await tx.appointmentMotif.findMany({
        where: {
          ...(query.includeRetired ? {} : { retiredAt: null }),
          ...afterName('label', cursor),
        },
        orderBy: [{ label: 'asc' }, { id: 'asc' }],
        take: query.limit + 1,
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items: items.map(toMotif), nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.label, id: last.id }) : null };
    });
  }

  create(input: MotifInput): Promise<Motif> {
    return this.db.transaction(async (tx) => {
      await this.refuseDuplicateLabel(tx, input.label);
      const row = await tx.appointmentMotif.create({ data: { tenantId: currentUser().tenantId, ...input } });
      await this.audit.record(tx, { action: 'create', entityType: 'appointment-motif', entityId: row.id });
      return toMotif(row);
    });
  }

  /** Renames, changes the defaults, retires or brings back a motif; appointments keep theirs. */
  update(id: string, { retired, ...fields }: UpdateMotifInput): Promise<Motif> {
    return this.db.transaction(async (tx) => {
      const current = await tx.appointmentMotif.findFirst({ where: { id } });
      if (!current) throw new NotFoundException({ detail: 'Ce motif n’existe pas ou ne fait pas partie de votre structure.' });
      if (fields.label && fields.label !== current.label) await this.refuseDuplicateLabel(tx, fields.label, id);
      const row = await tx.appointmentMotif.update({
        where: { tenantId_id: { tenantId: current.tenantId, id } },
        data: { ...fields, ...retirement(retired, current.retiredAt) },
      });
      await this.audit.record(tx, { action: 'update', entityType: 'appointment-motif', entityId: id, details: { retired: row.retiredAt !== null } });
      return toMotif(row);
    });
  }

  /** Labels differing only by case or accents are the same motif for the people choosing among them. */
  private async refuseDuplicateLabel(tx: TenantTx, label: string, except: string | null = null): Promise<void> {
    if (await nameTaken(tx, 'appointment_motifs', label, except)) throw new ConflictException({ detail: 'Un motif porte déjà ce nom.' });
  }
}
