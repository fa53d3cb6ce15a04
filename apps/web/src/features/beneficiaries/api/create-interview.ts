import { type CreateInterviewInput, Interview } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** POST /beneficiaries/:id/interviews. */
export const createInterview = async (id: string, body: CreateInterviewInput): Promise<Interview> =>
  Interview.parse(await apiSend<unknown>('POST', `/beneficiaries/${encodeURIComponent(id)}/interviews`, body));

export function useCreateInterview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInterviewInput) => createInterview(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(id) });
      // The last contact date moves with a new interview.
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.lists() });
    },
  });
}
