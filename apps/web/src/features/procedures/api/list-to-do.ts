import { page, Procedure } from '@ccas/shared';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, queryString } from '../../../lib/api-client';
import { cursorPages } from '../../../lib/pagination';
import { procedureKeys } from './keys';

const ProcedurePage = page(Procedure);
const PAGE_SIZE = 25;

/** GET /procedures?agent=me&toDo=true: the agent's procedures waiting for documents or a follow-up. */
export const listToDo = async (cursor?: string, signal?: AbortSignal) =>
  ProcedurePage.parse(await apiFetch<unknown>(`/procedures${queryString({ agent: 'me', toDo: 'true', limit: PAGE_SIZE, cursor })}`, { signal }));

export const toDoQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: procedureKeys.toDo(),
    queryFn: ({ pageParam, signal }) => listToDo(pageParam, signal),
    ...cursorPages,
  });

export const useToDo = () => useInfiniteQuery(toDoQueryOptions());
