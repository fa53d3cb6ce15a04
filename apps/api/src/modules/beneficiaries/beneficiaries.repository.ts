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

export interface SearchRow {
  id: string;
  file_number: number;
  last_name: string | null;
  first_name: string | null;
  birth_name: string | null;
  alias: string | null;
  birth_date: Date | null;
  phone: string | null;
  city: string | null;
  status: BeneficiaryStatus;
  last_contact_at: Date | null;
}

export interface DuplicateRow {
  id: string;
  file_number: number;
  last_name: string | null;
  first_name: string | null;
  alias: string | null;
  birth_date: Date | null;
}

/** How close a misspelt word must be to a word of the name (pg_trgm word similarity, 0–1). */
const WORD_SIMILARITY_THRESHOLD = '0.5';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The queries of the file search, in SQL because they rest on pg_trgm operators and indexes. */
@Injectable()
export class BeneficiariesRepository {
  /**
   * Files matching every term, best matches first: each name word must appear in the names (accents
   * and case ignored) or be close to one of their words (typos). Offset-paginated: ranks are floats.
   */
  async search(tx: TenantTx, tenantId: string, terms: SearchTerms, filters: SearchFilters, offset: number, limit: number) {
    const keys = terms.names.map((word) => Prisma.sql`app_search_key(${word})`);
    const patterns = terms.names.map((word) => Prisma.sql`app_search_key(${escapeLike(word)})`);
    const conditions = [
      Prisma.sql`b.tenant_id = ${tenantId}::uuid`,
      ...keys.map((key, index) => Prisma.sql`(b.search_name LIKE '%' || ${patterns[index]} || '%' OR ${key} <% b.search_name)`),
      ...(terms.birthDate ? [Prisma.sql`b.birth_date = ${terms.birthDate}::date`] : []),
      ...(terms.phonePrefix ? [Prisma.sql`b.phone_digits LIKE ${`${terms.phonePrefix}%`}`] : []),
      ...(terms.fileNumber !== undefined ? [Prisma.sql`b.file_number = ${terms.fileNumber}`] : []),
      ...(filters.status ? [Prisma.sql`b.status = ${filters.status}`] : []),
      ...(filters.siteId ? [Prisma.sql`b.site_id = ${filters.siteId}::uuid`] : []),
      ...(filters.referentId
        ? [
            Prisma.sql`EXISTS (SELECT 1 FROM beneficiary_referents r
                        WHERE r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id AND r.membership_id = ${filters.referentId}::uuid)`,
          ]
        : []),
    ];
    // A word found as typed counts more than a close one; a name starting with the first word, more still.
    const scores = keys.map(
      (key, index) =>
        Prisma.sql`word_similarity(${key}, b.search_name) + (b.search_name LIKE '%' || ${patterns[index]} || '%')::int
                   ${index === 0 ? Prisma.sql`+ (b.search_name LIKE ${patterns[index]} || '%')::int` : Prisma.empty}`,
    );
    const order = scores.length ? Prisma.sql`${Prisma.join(scores, ' + ')} DESC,` : Prisma.empty;
    await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true)`;
    return tx.$queryRaw<SearchRow[]>`
      SELECT b.id, b.file_number, b.last_name, b.first_name, b.birth_name, b.alias, b.birth_date, b.phone, b.city,
             b.status, b.last_contact_at
        FROM beneficiaries b
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY ${order} b.search_name, b.id
       LIMIT ${limit} OFFSET ${offset}`;
  }

  /** Files with the same birth date and a similar name (birth name and alias included). */
  findLikelyDuplicates(tx: TenantTx, tenantId: string, birthDate: string, names: string[]) {
    const key = Prisma.sql`app_search_key(${names.join(' ')})`;
    return tx.$queryRaw<DuplicateRow[]>`
      SELECT id, file_number, last_name, first_name, alias, birth_date
        FROM beneficiaries
       WHERE tenant_id = ${tenantId}::uuid AND birth_date = ${birthDate}::date
         AND (similarity(search_name, ${key}) >= 0.3 OR word_similarity(${key}, search_name) >= 0.6
              OR word_similarity(app_search_key(${names[0]}), search_name) >= 0.7)
       ORDER BY similarity(search_name, ${key}) DESC
       LIMIT 10`;
  }
}
