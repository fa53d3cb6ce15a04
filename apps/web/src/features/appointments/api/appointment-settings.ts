import { AppointmentSettings, type AppointmentSettingsInput } from '@ccas/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiSend } from '../../../lib/api-client';
import { appointmentKeys } from './keys';

const settingsKey = [...appointmentKeys.all, 'settings'] as const;

/** GET /settings/appointments: the tenant's reminder settings. */
export const useAppointmentSettings = () =>
  useQuery({ queryKey: settingsKey, queryFn: async ({ signal }) => AppointmentSettings.parse(await apiFetch<unknown>('/settings/appointments', { signal })) });

/** PUT /settings/appointments. */
export function useSaveAppointmentSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AppointmentSettingsInput) => AppointmentSettings.parse(await apiSend<unknown>('PUT', '/settings/appointments', body)),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
