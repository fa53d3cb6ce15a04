import { Interview } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

const interviewPath = (id: string, interviewId: string) =>
  `/beneficiaries/${encodeURIComponent(id)}/interviews/${encodeURIComponent(interviewId)}`;

/** GET /beneficiaries/:id/interviews/:interviewId: the latest version, read before editing it. */
export const getInterview = async (id: string, interviewId: string, signal?: AbortSignal): Promise<Interview> =>
  Interview.parse(await apiFetch<unknown>(interviewPath(id, interviewId), { signal }));

export const interviewQueryOptions = (id: string, interviewId: string) =>
  queryOptions({
    queryKey: beneficiaryKeys.interview(id, interviewId),
    queryFn: ({ signal }) => getInterview(id, interviewId, signal),
  });

export const useInterview = (id: string, interviewId: string) => useQuery(interviewQueryOptions(id, interviewId));
