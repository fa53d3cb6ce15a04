import { type CreateDigitalAssessmentInput, DigitalAssessment } from '@ccas/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { beneficiaryKeys } from '../../beneficiaries/api/keys';
import { digitalInclusionKeys } from './keys';

/** POST /digital-assessments: the answers (the API computes the level), or the person's refusal. */
export const createAssessment = async (body: CreateDigitalAssessmentInput): Promise<DigitalAssessment> =>
  DigitalAssessment.parse(await apiSend<unknown>('POST', '/digital-assessments', body));

export function useCreateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssessment,
    onSuccess: (assessment) => {
      void queryClient.invalidateQueries({ queryKey: digitalInclusionKeys.assessments(assessment.beneficiaryId) });
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.timeline(assessment.beneficiaryId) });
    },
  });
}
