import { AccessLogEntry, page, type Page } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { beneficiaryKeys } from './keys';

const AccessLogPage = page(AccessLogEntry);
const PAGE_SIZE = 50;

/** GET /beneficiaries/:id/access-log: who opened or changed the file, newest first (managers). */
export const getAccessLog = async (id: string, cursor?: string, signal?: AbortSignal): Promise<Page<AccessLogEntry>> =>
  AccessLogPage.parse(
    await apiFetch<unknown>(`/beneficiaries/${encodeURIComponent(id)}/access-log${queryString({ limit: PAGE_SIZE, cursor })}`, { signal }),
  );

export const accessLogQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: beneficiaryKeys.accessLog(id),
    queryFn: ({ pageParam, signal }) => getAccessLog(id, pageParam, signal),
    ...cursorPages,
  });

export const useAccessLog = (id: string, enabled = true) => useInfiniteQuery({ ...accessLogQueryOptions(id), enabled });
