import { type Me, Me as MeSchema } from '@ccas/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const meKeys = {
  all: ['me'] as const,
};

export const getMe = async (): Promise<Me> => MeSchema.parse(await apiFetch<unknown>('/me'));

export const meQueryOptions = () => queryOptions({ queryKey: meKeys.all, queryFn: getMe, staleTime: 60_000 });

/** The signed-in member: name, CCAS, roles and permissions. */
export const useMe = () => useQuery(meQueryOptions());
