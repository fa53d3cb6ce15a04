import { Beneficiary } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { beneficiaryKeys } from './keys';

/** GET /beneficiaries/:id: the file, without the social sections for the front desk. */
export const getBeneficiary = async (id: string, signal?: AbortSignal): Promise<Beneficiary> =>
  Beneficiary.parse(await apiFetch<unknown>(`/beneficiaries/${encodeURIComponent(id)}`, { signal }));

export const beneficiaryQueryOptions = (id: string) =>
  queryOptions({ queryKey: beneficiaryKeys.detail(id), queryFn: ({ signal }) => getBeneficiary(id, signal) });

export const useBeneficiary = (id: string) => useQuery(beneficiaryQueryOptions(id));
