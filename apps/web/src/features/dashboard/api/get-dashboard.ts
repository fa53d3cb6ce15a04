import { Dashboard, type DashboardQuery } from '@ccas/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (query: DashboardQuery) => [...dashboardKeys.all, query] as const,
};

/** GET /dashboard: the figures of a period (none while `query` is null), for the tenant, a site or an agent (one's own for an agent). */
export const useDashboard = (query: DashboardQuery | null) =>
  useQuery({
    queryKey: dashboardKeys.figures(query ?? { from: '', to: '' }),
    queryFn: async ({ signal }) => Dashboard.parse(await apiFetch<unknown>(`/dashboard${queryString({ ...query })}`, { signal })),
    // Nothing is asked until the period is complete (two dates in order).
    enabled: query !== null,
    // The figures shown stay on screen while those of new filters load.
    placeholderData: keepPreviousData,
  });
