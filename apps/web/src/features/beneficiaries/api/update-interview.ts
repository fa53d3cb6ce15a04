import { Interview, type UpdateInterviewInput } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** PATCH /beneficiaries/:id/interviews/:interviewId with the version read and the changed fields only. */
export const updateInterview = async (id: string, interviewId: string, body: UpdateInterviewInput): Promise<Interview> =>
  Interview.parse(
    await apiSend<unknown>('PATCH', `/beneficiaries/${encodeURIComponent(id)}/interviews/${encodeURIComponent(interviewId)}`, body),
  );

export function useUpdateInterview(id: string, interviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInterviewInput) => updateInterview(id, interviewId, body),
    // After a refusal too: the journal then shows what is really recorded.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(id) });
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.interviewHistory(id, interviewId) });
    },
  });
}
