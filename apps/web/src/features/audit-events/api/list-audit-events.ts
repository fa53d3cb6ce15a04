import { AuditEvent, page, type Page } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { auditEventKeys } from './keys';

const AuditEventPage = page(AuditEvent);
const PAGE_SIZE = 50;

/** The viewer's filters as the API reads them (`from` included, `to` excluded, instants with offset). */
export interface AuditEventFilters {
  actorId?: string;
  /** A file number (`D00042`) or a file id. */
  file?: string;
  action?: AuditEvent['action'];
  from?: string;
  to?: string;
}

/** GET /audit-events: the tenant's audit trail, newest first, filtered. */
export const listAuditEvents = async (filters: AuditEventFilters, cursor?: string, signal?: AbortSignal): Promise<Page<AuditEvent>> =>
  AuditEventPage.parse(await apiFetch<unknown>(`/audit-events${queryString({ ...filters, limit: PAGE_SIZE, cursor })}`, { signal }));

export const auditEventsQueryOptions = (filters: AuditEventFilters) =>
  infiniteQueryOptions({
    queryKey: auditEventKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listAuditEvents(filters, pageParam, signal),
    ...cursorPages,
  });

export const useAuditEvents = (filters: AuditEventFilters) => useInfiniteQuery(auditEventsQueryOptions(filters));
