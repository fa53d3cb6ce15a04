import { InterviewRevision, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

const RevisionPage = page(InterviewRevision);

/** GET /beneficiaries/:id/interviews/:interviewId/history: who changed what, when (never a note's text). */
export const getInterviewHistory = async (id: string, interviewId: string, signal?: AbortSignal): Promise<InterviewRevision[]> =>
  RevisionPage.parse(
    await apiFetch<unknown>(`/beneficiaries/${encodeURIComponent(id)}/interviews/${encodeURIComponent(interviewId)}/history?limit=100`, {
      signal,
    }),
  ).items;

export const interviewHistoryQueryOptions = (id: string, interviewId: string) =>
  queryOptions({
    queryKey: beneficiaryKeys.interviewHistory(id, interviewId),
    queryFn: ({ signal }) => getInterviewHistory(id, interviewId, signal),
  });

export const useInterviewHistory = (id: string, interviewId: string) => useQuery(interviewHistoryQueryOptions(id, interviewId));
