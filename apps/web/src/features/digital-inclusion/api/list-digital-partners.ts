import { page, Partner } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { digitalInclusionKeys } from './keys';

const PartnerPage = page(Partner);

/** GET /partners?digital=true: the partners helping people become autonomous online (retired ones left out). */
export const listDigitalPartners = async (signal?: AbortSignal): Promise<Partner[]> =>
  PartnerPage.parse(await apiFetch<unknown>(`/partners${queryString({ digital: 'true', limit: 100 })}`, { signal })).items.filter(
    (partner) => !partner.retired,
  );

export const digitalPartnersQueryOptions = () =>
  queryOptions({ queryKey: digitalInclusionKeys.digitalPartners(), queryFn: ({ signal }) => listDigitalPartners(signal) });

export const useDigitalPartners = (enabled = true) => useQuery({ ...digitalPartnersQueryOptions(), enabled });
