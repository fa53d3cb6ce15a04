import { page, SiteDetail } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const siteKeys = {
  all: ['sites'] as const,
  list: () => [...siteKeys.all, 'list'] as const,
};

const SitePage = page(SiteDetail);

/** The CCAS's sites (antennes, France Services desks): a handful, one page is enough. */
export const listSites = async (): Promise<SiteDetail[]> => SitePage.parse(await apiFetch<unknown>('/sites?limit=100')).items;

export const sitesQueryOptions = () => queryOptions({ queryKey: siteKeys.list(), queryFn: listSites, staleTime: 5 * 60_000 });

export const useSites = () => useQuery(sitesQueryOptions());
