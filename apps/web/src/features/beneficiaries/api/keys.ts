import type { BeneficiaryStatus } from '@ccas/shared';

export interface BeneficiaryFilters {
  q: string;
  status: BeneficiaryStatus | null;
  /** `me` for "mes dossiers". */
  referent: 'me' | null;
  siteId: string | null;
}

/**
 * Query keys of the beneficiary files. A file's sub-resources live beside its detail (not under it),
 * so that saving a section refreshes the file without refetching its journal.
 */
export const beneficiaryKeys = {
  all: ['beneficiaries'] as const,
  lists: () => [...beneficiaryKeys.all, 'list'] as const,
  list: (filters: BeneficiaryFilters) => [...beneficiaryKeys.lists(), filters] as const,
  details: () => [...beneficiaryKeys.all, 'detail'] as const,
  detail: (id: string) => [...beneficiaryKeys.details(), id] as const,
  household: (id: string) => [...beneficiaryKeys.all, 'household', id] as const,
  timeline: (id: string) => [...beneficiaryKeys.all, 'timeline', id] as const,
  interviewHistory: (id: string, interviewId: string) => [...beneficiaryKeys.all, 'interview-history', id, interviewId] as const,
  accessLog: (id: string) => [...beneficiaryKeys.all, 'access-log', id] as const,
};
