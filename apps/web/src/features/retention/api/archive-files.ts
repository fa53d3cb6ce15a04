import { ArchiveFilesResult } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';

/** POST /retention/archive: anonymises the files, all of them or none. */
export const archiveFiles = async (beneficiaryIds: string[]) =>
  ArchiveFilesResult.parse(await apiSend<unknown>('POST', '/retention/archive', { beneficiaryIds }));

export function useArchiveFiles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveFiles,
    // The files changed everywhere they are shown: lists, file pages, agendas.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
