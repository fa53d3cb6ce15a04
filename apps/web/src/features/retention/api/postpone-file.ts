import { type PostponeRetentionInput, RetentionReview } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { retentionKeys } from './keys';

/** POST /retention/postpone: keeps a due file until a day, with the reason. */
export const postponeFile = async (input: PostponeRetentionInput) => RetentionReview.parse(await apiSend<unknown>('POST', '/retention/postpone', input));

export function usePostponeFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postponeFile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: retentionKeys.lists() }),
  });
}
