import { ForbiddenException, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { currentRequest } from '../common/request-context';
import { PrismaService } from '../database/prisma.service';
import { TenantDb, type TenantTx } from '../tenancy/tenant-db.service';

export type AuditAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'login' | 'denied';

/** Who acts: a member, or nobody for the scheduled jobs (their events have no actor). */
export type AuditActor = Pick<AuthUser, 'tenantId'> & { membershipId: string | null };

export interface AuditEntry {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  /** Facts about the action, never the personal data itself (no names, no note text). */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Writes the audit trail. Entries go into the caller's transaction, so an audited change and its
 * audit event commit or roll back together. Sequence and hash chain are set by the database.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly tenantDb: TenantDb,
  ) {}

  record(tx: TenantTx, entry: AuditEntry, actor: AuditActor | undefined = currentRequest()?.user): Promise<void> {
    return this.recordMany(tx, [entry], actor);
  }

  /** Several entries in one statement (a page that shows many files reads each of them). */
  async recordMany(
    tx: TenantTx,
    entries: AuditEntry[],
    actor: AuditActor | undefined = currentRequest()?.user,
  ): Promise<void> {
    if (!entries.length) return;
    const request = currentRequest();
    const tenantId = actor?.tenantId;
    if (!tenantId) throw new Error('audit entries need the tenant of an authenticated member');
    // createMany: no RETURNING, the rows are complete only once the chain trigger has run (row by row, in order).
    await tx.auditEvent.createMany({
      data: entries.map((entry) => ({
        tenantId,
        actorId: actor.membershipId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        requestId: request?.requestId,
        ip: request?.ip,
        details: entry.details ?? {},
      })),
    });
  }

  /**
   * A refusal decided by a business rule (not by the route's permission): recorded in a transaction
   * of its own, since the request's transaction rolls back. Returns the 403 to throw.
   */
  async refuse(detail: string, entry: Omit<AuditEntry, 'action'>): Promise<ForbiddenException> {
    const user = currentRequest()?.user;
    if (user) await this.tenantDb.forTenant(user.tenantId, (tx) => this.record(tx, { ...entry, action: 'denied' }, user), user.membershipId);
    return new ForbiddenException({ detail });
  }

  /** A request refused before any tenant is known; kept without personal data. */
  async recordSecurityEvent(reason: string): Promise<void> {
    const request = currentRequest();
    // createMany: the app role may insert security events but not read them back.
    await this.prisma.securityEvent.createMany({
      data: [
        {
          reason,
          method: request?.method ?? '',
          path: (request?.path ?? '').slice(0, 500),
          requestId: request?.requestId,
          ip: request?.ip,
        },
      ],
    });
  }
}
