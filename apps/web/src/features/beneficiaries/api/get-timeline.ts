import { page, type Page, TimelineItem } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { beneficiaryKeys } from './keys';

const TimelinePage = page(TimelineItem);
const PAGE_SIZE = 20;

/** GET /beneficiaries/:id/timeline: everything that happened, newest first. */
export const getTimeline = async (id: string, cursor?: string, signal?: AbortSignal): Promise<Page<TimelineItem>> =>
  TimelinePage.parse(
    await apiFetch<unknown>(`/beneficiaries/${encodeURIComponent(id)}/timeline${queryString({ limit: PAGE_SIZE, cursor })}`, { signal }),
  );

export const timelineQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: beneficiaryKeys.timeline(id),
    queryFn: ({ pageParam, signal }) => getTimeline(id, pageParam, signal),
    ...cursorPages,
  });

export const useTimeline = (id: string, enabled = true) => useInfiniteQuery({ ...timelineQueryOptions(id), enabled });
