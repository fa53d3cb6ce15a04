import { DataProtectionSettings, type DataProtectionSettingsInput } from '@ccas/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiSend } from '../../../lib/api-client';
import { retentionKeys } from './keys';

/** GET /settings/data-protection: how long files without contact and the audit trail are kept. */
export const useDataProtectionSettings = () =>
  useQuery({
    queryKey: retentionKeys.settings(),
    queryFn: async ({ signal }) => DataProtectionSettings.parse(await apiFetch<unknown>('/settings/data-protection', { signal })),
  });

/** PUT /settings/data-protection (ADMIN). */
export function useSaveDataProtectionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DataProtectionSettingsInput) =>
      DataProtectionSettings.parse(await apiSend<unknown>('PUT', '/settings/data-protection', body)),
    onSuccess: (saved) => queryClient.setQueryData(retentionKeys.settings(), saved),
  });
}
