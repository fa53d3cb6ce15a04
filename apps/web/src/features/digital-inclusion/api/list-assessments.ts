import { DigitalAssessment, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { digitalInclusionKeys } from './keys';

const AssessmentPage = page(DigitalAssessment);

/** GET /digital-assessments?beneficiaryId=: newest first; one page is years of yearly assessments. */
export const listAssessments = async (beneficiaryId: string, signal?: AbortSignal): Promise<DigitalAssessment[]> =>
  AssessmentPage.parse(await apiFetch<unknown>(`/digital-assessments${queryString({ beneficiaryId, limit: 100 })}`, { signal })).items;

export const assessmentsQueryOptions = (beneficiaryId: string) =>
  queryOptions({ queryKey: digitalInclusionKeys.assessments(beneficiaryId), queryFn: ({ signal }) => listAssessments(beneficiaryId, signal) });

export const useAssessments = (beneficiaryId: string) => useQuery(assessmentsQueryOptions(beneficiaryId));
