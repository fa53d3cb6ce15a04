import { page, Partner } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { partnerKeys } from './keys';

const PartnerPage = page(Partner);

/** GET /partners?includeRetired=true, page after page by name (retired ones included, to restore them): a directory holds a few dozen partners, the table shows them all. */
export async function listPartners(signal?: AbortSignal): Promise<Partner[]> {
  const partners: Partner[] = [];
  let cursor: string | undefined;
  do {
    const result = PartnerPage.parse(await apiFetch<unknown>(`/partners${queryString({ includeRetired: 'true', limit: 100, cursor })}`, { signal }));
    partners.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return partners;
}

export const partnersQueryOptions = () => queryOptions({ queryKey: partnerKeys.list(), queryFn: ({ signal }) => listPartners(signal) });

export const usePartners = () => useQuery(partnersQueryOptions());
