import { Injectable } from '@nestjs/common';
import type { BeneficiaryStatus } from '@ccas/shared';
import { Prisma } from '../../generated/prisma/client';
import type { TenantTx } from '../../tenancy/tenant-db.service';
import type { SearchTerms } from './search-terms';

export interface SearchFilters {
  status?: BeneficiaryStatus;
  referentId?: string;
  siteId?: string;
}

export interface DuplicateRow {
  id: string;
  file_number: number;
  last_name: string | null;
  first_name: string | null;
  alias: string | null;
  birth_date: Date | null;
}

/** The queries of the file search, in SQL because they rest on pg_trgm operators and indexes. */
@Injectable()
export class BeneficiariesRepository {
  /**
   * Ids of the files matching every term, best matches first (see `app_search_beneficiaries` in the
   * migration for why it runs outside row-level security, confined to the current tenant).
   */
  async search(tx: TenantTx, terms: SearchTerms, filters: SearchFilters, offset: number, limit: number): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM app_search_beneficiaries(
        ${terms.names}::text[], ${terms.birthDate ?? null}::date, ${terms.phonePrefix ?? null}::text, ${terms.fileNumber ?? null}::integer,
        ${filters.status ?? null}::text, ${filters.siteId ?? null}::uuid, ${filters.referentId ?? null}::uuid, ${offset}::integer, ${limit}::integer)`;
    return rows.map((row) => row.id);
  }

  /** Files with the same birth date and a similar name (birth name and alias included). */
  findLikelyDuplicates(tx: TenantTx, birthDate: string, names: string[]) {
    const key = Prisma.sql`app_search_key(${names.join(' ')})`;
    return tx.$queryRaw<DuplicateRow[]>`
      SELECT id, file_number, last_name, first_name, alias, birth_date
        FROM beneficiaries
       WHERE birth_date = ${birthDate}::date
         AND (similarity(search_name, ${key}) >= 0.3 OR word_similarity(${key}, search_name) >= 0.6
              OR word_similarity(app_search_key(${names[0]}), search_name) >= 0.7)
       ORDER BY similarity(search_name, ${key}) DESC
       LIMIT 10`;
  }
}
