import type { RetentionReviewState } from '@ccas/shared';

/** Query keys of the retention feature: the review lists and the delays. */
export const retentionKeys = {
  all: ['retention'] as const,
  lists: () => [...retentionKeys.all, 'due'] as const,
  list: (state: RetentionReviewState) => [...retentionKeys.lists(), state] as const,
  settings: () => [...retentionKeys.all, 'settings'] as const,
};
