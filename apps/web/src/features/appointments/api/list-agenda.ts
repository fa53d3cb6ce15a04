import { Appointment, page } from '@ccas/shared';
import { queryOptions, useQuery, keepPreviousData } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { type AgendaFilters, appointmentKeys } from './keys';

const AppointmentPage = page(Appointment);

/**
 * GET /appointments?from&to&agentId|siteId: the appointments of an agenda's period. A period holds at
 * most a few hundred: the pages are read to the end.
 */
export async function listAgenda(filters: AgendaFilters, signal?: AbortSignal): Promise<Appointment[]> {
  const items: Appointment[] = [];
  let cursor: string | undefined;
  do {
    const result = AppointmentPage.parse(await apiFetch<unknown>(`/appointments${queryString({ ...filters, limit: 100, cursor })}`, { signal }));
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const agendaQueryOptions = (filters: AgendaFilters) =>
  queryOptions({
    queryKey: appointmentKeys.agenda(filters),
    queryFn: ({ signal }) => listAgenda(filters, signal),
    // The week shown stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export const useAgenda = (filters: AgendaFilters | null) => useQuery({ ...agendaQueryOptions(filters ?? { from: '', to: '' }), enabled: filters !== null });
