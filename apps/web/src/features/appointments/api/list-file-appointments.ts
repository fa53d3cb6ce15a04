import { Appointment, page } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { appointmentKeys } from './keys';

const AppointmentPage = page(Appointment);
const PAGE_SIZE = 10;

/** GET /appointments?beneficiaryId=: the person's appointments, latest first. */
export const listFileAppointments = async (beneficiaryId: string, cursor?: string, signal?: AbortSignal) =>
  AppointmentPage.parse(await apiFetch<unknown>(`/appointments${queryString({ beneficiaryId, limit: PAGE_SIZE, cursor })}`, { signal }));

export const fileAppointmentsQueryOptions = (beneficiaryId: string) =>
  infiniteQueryOptions({
    queryKey: appointmentKeys.ofFile(beneficiaryId),
    queryFn: ({ pageParam, signal }) => listFileAppointments(beneficiaryId, pageParam, signal),
    ...cursorPages,
  });

export const useFileAppointments = (beneficiaryId: string) => useInfiniteQuery(fileAppointmentsQueryOptions(beneficiaryId));
