import { CalendarFeedStatus, CreatedCalendarFeed } from '@ccas/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiSend } from '../../../lib/api-client';
import { appointmentKeys } from './keys';

const feedKey = [...appointmentKeys.all, 'calendar-feed'] as const;

/** GET /calendar-feed: whether the member has a subscription address (never the address itself). */
export const useCalendarFeed = () =>
  useQuery({ queryKey: feedKey, queryFn: async ({ signal }) => CalendarFeedStatus.parse(await apiFetch<unknown>('/calendar-feed', { signal })) });

/** POST /calendar-feed: a new private address, shown once; the former one stops working. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => CreatedCalendarFeed.parse(await apiSend<unknown>('POST', '/calendar-feed')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

/** DELETE /calendar-feed: the address stops working. */
export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => apiSend<void>('DELETE', '/calendar-feed'), onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }) });
}
