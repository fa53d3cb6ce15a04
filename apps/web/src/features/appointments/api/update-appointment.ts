import { Appointment, type UpdateAppointmentInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { refreshAfterAppointmentWrite } from './invalidate';

export interface AppointmentChange {
  appointment: Pick<Appointment, 'id' | 'beneficiary'>;
  changes: UpdateAppointmentInput;
}

/** PATCH /appointments/:id: moves or edits (the fields sent), with the version read. */
export const updateAppointment = async ({ appointment, changes }: AppointmentChange): Promise<Appointment> =>
  Appointment.parse(await apiSend<unknown>('PATCH', `/appointments/${encodeURIComponent(appointment.id)}`, changes));

export function useUpdateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAppointment,
    // Also after a refusal: a stale version then shows what the colleague saved.
    onSettled: (_saved, _error, { appointment }) => refreshAfterAppointmentWrite(queryClient, appointment.beneficiary.id),
  });
}
