import { Motif, page } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { appointmentKeys } from './keys';

const MotifPage = page(Motif);

/** GET /appointment-motifs: the reasons offered when booking (a few dozen at most: one page). */
export const listMotifs = async (signal?: AbortSignal): Promise<Motif[]> =>
  MotifPage.parse(await apiFetch<unknown>(`/appointment-motifs${queryString({ limit: 100 })}`, { signal })).items;

export const motifsQueryOptions = () => queryOptions({ queryKey: appointmentKeys.motifs(), queryFn: ({ signal }) => listMotifs(signal), staleTime: 5 * 60_000 });

export const useMotifs = () => useQuery(motifsQueryOptions());
