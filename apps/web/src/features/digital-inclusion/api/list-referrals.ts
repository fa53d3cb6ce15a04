import { page, Referral } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { digitalInclusionKeys } from './keys';

const ReferralPage = page(Referral);

/** GET /referrals?beneficiaryId=: the file's referrals to partners. */
export const listReferrals = async (beneficiaryId: string, signal?: AbortSignal): Promise<Referral[]> =>
  ReferralPage.parse(await apiFetch<unknown>(`/referrals${queryString({ beneficiaryId, limit: 100 })}`, { signal })).items;

export const referralsQueryOptions = (beneficiaryId: string) =>
  queryOptions({ queryKey: digitalInclusionKeys.referrals(beneficiaryId), queryFn: ({ signal }) => listReferrals(beneficiaryId, signal) });

export const useReferrals = (beneficiaryId: string) => useQuery(referralsQueryOptions(beneficiaryId));
