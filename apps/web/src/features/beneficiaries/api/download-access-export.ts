import { type AccessExportFormat, formatFileNumber } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDownload } from '../../../lib/api-client';
import { saveFile } from '../../../lib/download';
import { beneficiaryKeys } from './keys';

interface AccessExportRequest {
  beneficiary: { id: string; fileNumber: number };
  format: AccessExportFormat;
}

/** GET /beneficiaries/:id/access-export: everything held about the person, saved by the browser. */
export const downloadAccessExport = async ({ beneficiary, format }: AccessExportRequest): Promise<void> =>
  saveFile(
    await apiDownload(
      `/beneficiaries/${encodeURIComponent(beneficiary.id)}/access-export?format=${format}`,
      `droit-acces-${formatFileNumber(beneficiary.fileNumber)}.${format}`,
    ),
  );

/** The export is recorded in the file's access history, which is refreshed. */
export function useDownloadAccessExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: downloadAccessExport,
    onSuccess: (_, { beneficiary }) => queryClient.invalidateQueries({ queryKey: beneficiaryKeys.accessLog(beneficiary.id) }),
  });
}
