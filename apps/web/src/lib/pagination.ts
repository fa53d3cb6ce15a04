import type { Page } from '@ccas/shared';

/**
 * How an infinite query walks the API's keyset pages (spread into `infiniteQueryOptions`): the first
 * page is asked without a cursor, each next one with the `nextCursor` of the page before; none left
 * when it is null.
 */
export const cursorPages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: Pick<Page<unknown>, 'nextCursor'>) => last.nextCursor ?? undefined,
};

/** Every item of the pages an infinite query has loaded so far, in order. */
export const loadedItems = <T>(data: { pages: { items: T[] }[] } | undefined): T[] => data?.pages.flatMap((page) => page.items) ?? [];
