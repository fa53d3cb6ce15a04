import { page, RetentionReview, type RetentionReviewState } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { retentionKeys } from './keys';

const ReviewPage = page(RetentionReview);

/** GET /retention/due: the files due for archiving (oldest last contact first), or the postponed ones. */
export const listDueFiles = async (state: RetentionReviewState, cursor?: string, signal?: AbortSignal) =>
  ReviewPage.parse(await apiFetch<unknown>(`/retention/due${queryString({ state, limit: 50, cursor })}`, { signal }));

export const dueFilesQueryOptions = (state: RetentionReviewState) =>
  infiniteQueryOptions({ queryKey: retentionKeys.list(state), queryFn: ({ pageParam, signal }) => listDueFiles(state, pageParam, signal), ...cursorPages });

export const useDueFiles = (state: RetentionReviewState) => useInfiniteQuery(dueFilesQueryOptions(state));
