import { AbsenceOccurrence, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { type AgendaFilters, appointmentKeys } from './keys';

const Occurrences = page(AbsenceOccurrence);

/** GET /absences?from&to&agentId|siteId: the absence occurrences the agenda shows as unavailable. */
export const listAbsences = async (filters: AgendaFilters, signal?: AbortSignal): Promise<AbsenceOccurrence[]> =>
  Occurrences.parse(await apiFetch<unknown>(`/absences${queryString({ ...filters })}`, { signal })).items;

export const absencesQueryOptions = (filters: AgendaFilters) =>
  queryOptions({ queryKey: appointmentKeys.absences(filters), queryFn: ({ signal }) => listAbsences(filters, signal) });

export const useAbsences = (filters: AgendaFilters | null) => useQuery({ ...absencesQueryOptions(filters ?? { from: '', to: '' }), enabled: filters !== null });
