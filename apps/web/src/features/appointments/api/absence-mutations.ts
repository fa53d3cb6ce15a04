import type { AbsenceInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { appointmentKeys } from './keys';

/** POST /absences: 409 `slot-taken` when appointments are already booked in it. */
export const createAbsence = (body: AbsenceInput) => apiSend<unknown>('POST', '/absences', body);
/** DELETE /absences/:id: the absence and all its weekly occurrences. */
export const deleteAbsence = (id: string) => apiSend<void>('DELETE', `/absences/${encodeURIComponent(id)}`);

const useAbsenceMutation = <T,>(mutationFn: (input: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentKeys.all }) });
};

export const useCreateAbsence = () => useAbsenceMutation(createAbsence);
export const useDeleteAbsence = () => useAbsenceMutation(deleteAbsence);
