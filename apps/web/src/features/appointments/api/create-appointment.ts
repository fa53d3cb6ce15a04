import { Appointment, type CreateAppointmentInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { refreshAfterAppointmentWrite } from './invalidate';

/** POST /appointments: 409 `slot-taken` names the slot an agent already has. */
export const createAppointment = async (body: CreateAppointmentInput): Promise<Appointment> =>
  Appointment.parse(await apiSend<unknown>('POST', '/appointments', body));

export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppointment,
    onSuccess: (appointment) => refreshAfterAppointmentWrite(queryClient, appointment.beneficiary.id),
  });
}
