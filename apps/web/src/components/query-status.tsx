import { Button, Loader, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

interface QueryStatusProps {
  query: { isPending: boolean; isSuccess: boolean; error: unknown };
  /** How many items the query gave: `empty` is shown at 0. */
  count?: number;
  /** The loader's accessible name, e.g. "Chargement du foyer". */
  loadingLabel: string;
  errorTitle: string;
  /** What to say when there is nothing to show. */
  empty?: ReactNode;
  loaderSize?: MantineSize;
}

/** What a list shows besides its items: a loader while it loads, its error, or a sentence when it is empty. */
export function QueryStatus({ query, count, loadingLabel, errorTitle, empty, loaderSize = 'sm' }: QueryStatusProps) {
  return (
    <>
      {query.isPending && <Loader size={loaderSize} aria-label={loadingLabel} />}
      <ErrorAlert error={query.error} title={errorTitle} />
      {query.isSuccess && count === 0 && empty}
    </>
  );
}

interface MoreButtonProps {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  size?: MantineSize;
}

/** "Afficher plus": the next page of an infinite list, while there is one. */
export function MoreButton({ query, size }: MoreButtonProps) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="default" size={size} onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'center' }}>
      Afficher plus
    </Button>
  );
}
