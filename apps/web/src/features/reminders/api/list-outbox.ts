import { OutboxMessage, page } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';

export const outboxKeys = { all: ['outbox'] as const };

const OutboxPage = page(OutboxMessage);

/** GET /dev/outbox: what the development providers "sent" (reminders, notices), newest first. */
export const listOutbox = async (cursor?: string, signal?: AbortSignal) =>
  OutboxPage.parse(await apiFetch<unknown>(`/dev/outbox${queryString({ limit: 25, cursor })}`, { signal }));

export const outboxQueryOptions = () =>
  infiniteQueryOptions({ queryKey: outboxKeys.all, queryFn: ({ pageParam, signal }) => listOutbox(pageParam, signal), ...cursorPages });

export const useOutbox = () => useInfiniteQuery(outboxQueryOptions());
