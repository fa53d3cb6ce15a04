import { BeneficiarySummary, page, type Page } from '@ccas/shared';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { type BeneficiaryFilters, beneficiaryKeys } from './keys';

const SummaryPage = page(BeneficiarySummary);
const PAGE_SIZE = 25;

/** GET /beneficiaries: ranked search by name, file number, phone or birth date, with filters. */
export async function searchBeneficiaries(filters: BeneficiaryFilters, cursor?: string, signal?: AbortSignal): Promise<Page<BeneficiarySummary>> {
  const query = queryString({
    q: filters.q.trim(),
    status: filters.status,
    referent: filters.referent,
    siteId: filters.siteId,
    limit: PAGE_SIZE,
    cursor,
  });
  return SummaryPage.parse(await apiFetch<unknown>(`/beneficiaries${query}`, { signal }));
}

export const searchBeneficiariesQueryOptions = (filters: BeneficiaryFilters) =>
  infiniteQueryOptions({
    queryKey: beneficiaryKeys.list(filters),
    queryFn: ({ pageParam, signal }) => searchBeneficiaries(filters, pageParam, signal),
    ...cursorPages,
    // Results of the previous keystroke stay on screen until the new ones arrive: no flicker while typing.
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });

export const useSearchBeneficiaries = (filters: BeneficiaryFilters) => useInfiniteQuery(searchBeneficiariesQueryOptions(filters));
