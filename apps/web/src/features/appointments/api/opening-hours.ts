import { OpeningHours, type OpeningHoursInput } from '@ccas/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiSend } from '../../../lib/api-client';
import { appointmentKeys } from './keys';

const openingHoursKey = (siteId: string) => [...appointmentKeys.all, 'opening-hours', siteId] as const;
const path = (siteId: string) => `/sites/${encodeURIComponent(siteId)}/opening-hours`;

/** GET /sites/:id/opening-hours: the site's week (ISO weekdays, Paris time). */
export const useOpeningHours = (siteId: string | null) =>
  useQuery({
    queryKey: openingHoursKey(siteId ?? ''),
    queryFn: async ({ signal }) => OpeningHours.parse(await apiFetch<unknown>(path(siteId ?? ''), { signal })),
    enabled: siteId !== null,
  });

/** PUT /sites/:id/opening-hours: the whole week at once. */
export function useSaveOpeningHours(siteId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: OpeningHoursInput) => OpeningHours.parse(await apiSend<unknown>('PUT', path(siteId), body)),
    onSuccess: (saved) => queryClient.setQueryData(openingHoursKey(siteId), saved),
  });
}
