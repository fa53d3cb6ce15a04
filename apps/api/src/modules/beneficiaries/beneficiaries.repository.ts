import { Injectable } from '@nestjs/common';
import type { BeneficiaryStatus, PersonRef } from '@ccas/shared';
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
  anonymised_at: Date | null;
  referents: PersonRef[];
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
   * One page of files matching every term, best matches first, with their referents — in one
   * statement. `app_search_beneficiaries` (see the migration for why it runs outside row-level
   * security, confined to the current tenant) ranks ids; the rows themselves are read under RLS.
   */
  search(tx: TenantTx, terms: SearchTerms, filters: SearchFilters, offset: number, limit: number): Promise<SearchRow[]> {
    return tx.$queryRaw<SearchRow[]>`
      SELECT b.id, b.file_number, b.last_name, b.first_name, b.birth_name, b.alias, b.birth_date, b.phone, b.city, b.status,
             b.last_contact_at, b.anonymised_at,
             coalesce((SELECT json_agg(json_build_object('id', m.id, 'name', m.first_name || ' ' || m.last_name) ORDER BY r.assigned_at)
                         FROM beneficiary_referents r
                         JOIN memberships m ON m.tenant_id = r.tenant_id AND m.id = r.membership_id
                        WHERE r.tenant_id = b.tenant_id AND r.beneficiary_id = b.id), '[]') AS referents
        FROM app_search_beneficiaries(
               ${terms.names}::text[], ${terms.birthDate ?? null}::date, ${terms.phonePrefix ?? null}::text,
               ${terms.fileNumber ?? null}::integer, ${filters.status ?? null}::text, ${filters.siteId ?? null}::uuid,
               ${filters.referentId ?? null}::uuid, ${offset}::integer, ${limit}::integer) WITH ORDINALITY AS found (id, rank, position)
        JOIN beneficiaries b ON b.id = found.id
       ORDER BY found.position`;
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
