import { Appointment, type AppointmentStatus } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { refreshAfterAppointmentWrite } from './invalidate';

export interface StatusChange {
  appointment: Pick<Appointment, 'id' | 'version' | 'beneficiary'>;
  status: AppointmentStatus;
}

/** POST /appointments/:id/status: seen, no-show, cancelled by the person or by the service. */
export const setAppointmentStatus = async ({ appointment, status }: StatusChange): Promise<Appointment> =>
  Appointment.parse(await apiSend<unknown>('POST', `/appointments/${encodeURIComponent(appointment.id)}/status`, { version: appointment.version, status }));

export function useSetAppointmentStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAppointmentStatus,
    onSettled: (_saved, _error, { appointment }) => refreshAfterAppointmentWrite(queryClient, appointment.beneficiary.id),
  });
}
