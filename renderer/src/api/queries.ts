// The screens' data: TanStack Query over the API. Every write invalidates every query — the store is local
// and its reads are cheap, so nothing on screen can show a stale value after a change.
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Results } from '../../../electron/api/contract.js';
import type { KindName, StoredRecord } from '../../../domain/kinds.js';
import { api } from './client.js';
import { fromBridgedError } from './errors.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

type ListFilter = Omit<Input<'list'>, 'kind'>;

export function useList<T = StoredRecord>(kind: KindName, filter: ListFilter = {}) {
  return useQuery({
    queryKey: ['list', kind, filter],
    queryFn: async () => (await call(() => api().list({ kind, ...filter }))) as unknown as T[],
  });
}

export function useRecord<T = StoredRecord>(kind: KindName, id: string) {
  return useQuery({
    queryKey: ['get', kind, id],
    queryFn: async () => (await call(() => api().get({ kind, id }))) as unknown as T,
  });
}

export function useAbout() {
  return useQuery({ queryKey: ['about'], queryFn: () => call(() => api().about({})), staleTime: Infinity });
}

export function useStorage() {
  return useQuery({ queryKey: ['storage'], queryFn: () => call(() => api().storage({})) });
}

export function useIdentity() {
  return useQuery({ queryKey: ['identity'], queryFn: () => call(() => api().identity({})) });
}

/** Any API call as a mutation; on success every query is refetched. */
export function useApiMutation<V, R>(run: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => call(() => run(variables)),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function usePut() {
  return useApiMutation((input: { kind: KindName; record: Record<string, unknown> }) =>
    api()
      .put(input)
      .then((stored) => stored as Results['get']),
  );
}

/** Calls the API, turning any failure into an ApiCallError with its code. */
export async function call<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    throw fromBridgedError(error);
  }
}
