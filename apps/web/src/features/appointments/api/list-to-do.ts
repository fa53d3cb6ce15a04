import { Appointment, page } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { appointmentKeys } from './keys';

const AppointmentPage = page(Appointment);

/** GET /appointments?toDo=true: the reader's past appointments still "Prévu", waiting for their status. */
export const listAppointmentsToDo = async (cursor?: string, signal?: AbortSignal) =>
  AppointmentPage.parse(await apiFetch<unknown>(`/appointments${queryString({ toDo: 'true', limit: 25, cursor })}`, { signal }));

export const appointmentsToDoQueryOptions = () =>
  infiniteQueryOptions({ queryKey: appointmentKeys.toDo(), queryFn: ({ pageParam, signal }) => listAppointmentsToDo(pageParam, signal), ...cursorPages });

export const useAppointmentsToDo = () => useInfiniteQuery(appointmentsToDoQueryOptions());
