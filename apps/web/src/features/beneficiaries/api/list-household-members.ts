import { HouseholdMember, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

const MemberPage = page(HouseholdMember);

/** GET /beneficiaries/:id/household-members: a household is small, one page of 100 holds it. */
export const listHouseholdMembers = async (id: string, signal?: AbortSignal): Promise<HouseholdMember[]> =>
  MemberPage.parse(await apiFetch<unknown>(`/beneficiaries/${encodeURIComponent(id)}/household-members?limit=100`, { signal })).items;

export const householdMembersQueryOptions = (id: string) =>
  queryOptions({ queryKey: beneficiaryKeys.household(id), queryFn: ({ signal }) => listHouseholdMembers(id, signal) });

export const useHouseholdMembers = (id: string) => useQuery(householdMembersQueryOptions(id));
