import { Injectable } from '@nestjs/common';
import { currentUser } from '../common/request-context';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

export type TenantTx = Prisma.TransactionClient;

/**
 * The only door to tenant data. Each call is one transaction in which `app.tenant_id` is the tenant
 * of the authenticated membership, so row-level security confines every query to it — a query that
 * forgets its tenant filter still sees nothing else.
 */
@Injectable()
export class TenantDb {
  constructor(private readonly prisma: PrismaService) {}

  /** Runs `work` in one transaction for the tenant of the current request's member. */
  transaction<T>(work: (tx: TenantTx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    const user = currentUser();
    return this.forTenant(user.tenantId, work, user.membershipId, options);
  }

  /**
   * For the authentication step itself, once the membership has been verified (and for jobs and
   * streamed exports, which name their tenant themselves). `app.member_id` is
   * who reads: the database shows a private note to its author only.
   */
  async forTenant<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>, memberId = '', options: { timeoutMs?: number } = {}): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('app.member_id', ${memberId}, true)`;
        return work(tx);
      },
      // Requests keep Prisma's default (5 s); jobs over a whole tenant may need longer.
      { timeout: options.timeoutMs },
    );
  }
}
