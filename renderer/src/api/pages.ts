// Long lists read a page at a time: the first page says how many records match (the virtual list's
// length), and the pages under the rows in view are fetched as they scroll into it. Pages are cached by
// filter and index like any query, so a write refetches only the pages on screen.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Input, Results } from '../../../electron/api/contract.js';
import type { StoredRecord } from '../../../domain/kinds.js';
import { api } from './client.js';
import { call } from './queries.js';

export const PAGE_SIZE = 100;

type PageInput = Input<'listPage'>;
/** A list's kind and filters: everything of a page request but its window. */
export type ListQuery = PageInput extends infer Q
  ? Q extends PageInput
    ? Omit<Q, 'offset' | 'limit'>
    : never
  : never;

function pageQuery(query: ListQuery, index: number) {
  return {
    queryKey: ['listPage', query, index],
    queryFn: () =>
      call(() => api().listPage({ ...query, offset: index * PAGE_SIZE, limit: PAGE_SIZE } as PageInput)),
  };
}

/** The first page: its records and how many match in all (kept on screen while a new filter loads). */
export function useListHead(query: ListQuery) {
  return useQuery({ ...pageQuery(query, 0), placeholderData: keepPreviousData });
}

/** The records at positions first..last (fetching their pages); a row not yet read is undefined. */
export function useListRows<T = StoredRecord>(
  query: ListQuery,
  first: number | undefined,
  last: number | undefined,
): (index: number) => T | undefined {
  const indexes: number[] = [];
  if (first !== undefined && last !== undefined) {
    for (let i = Math.floor(first / PAGE_SIZE); i <= Math.floor(last / PAGE_SIZE); i++) indexes.push(i);
  }
  const pages = useQueries({ queries: indexes.map((i) => pageQuery(query, i)) });
  const byIndex = new Map<number, Results['listPage']>();
  pages.forEach((page, k) => page.data && byIndex.set(indexes[k]!, page.data));
  return (index) => byIndex.get(Math.floor(index / PAGE_SIZE))?.records[index % PAGE_SIZE] as T | undefined;
}

/** One window of a list, as it is (Home's few meetings and commitments). */
export function usePage<T = StoredRecord>(query: PageInput) {
  return useQuery({
    queryKey: ['listPage', query],
    queryFn: async () =>
      (await call(() => api().listPage(query))) as unknown as { total: number; offset: number; records: T[] },
  });
}
