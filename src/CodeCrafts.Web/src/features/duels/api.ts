import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuelStatus, DuelView, ProgrammingLanguage } from '@/api/types';
import { api, data } from '@/lib/api';
import { queryKeys } from '@/lib/me';

export const duelKey = (id: string) => [...queryKeys.duels, id] as const;

const LIVE: readonly DuelStatus[] = ['Pending', 'Active'];

/** A duel; polled while pending or active, so it moves on even when live events cannot arrive. */
export function useDuel(id: string) {
  return useQuery({
    queryKey: duelKey(id),
    queryFn: () => data(api.GET('/api/duels/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && LIVE.includes(query.state.data.status) ? 3000 : false),
  });
}

export function useDuelList(status: string | undefined, page: number, pageSize = 10) {
  return useQuery({
    queryKey: [...queryKeys.duels, 'list', status ?? 'all', page, pageSize],
    queryFn: () => data(api.GET('/api/duels', { params: { query: { status, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export interface NewDuel {
  opponent: string;
  language: ProgrammingLanguage;
  questionCount?: number;
  botLevel?: number;
}

export function useCreateDuel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDuel) => data(api.POST('/api/duels', { body })),
    onSuccess: (duel) => {
      queryClient.setQueryData(duelKey(duel.id), duel);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.duels, 'list'] });
    },
  });
}

function useTransition(path: '/api/duels/{id}/accept' | '/api/duels/{id}/decline') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(api.POST(path, { params: { path: { id } } })),
    onSuccess: (duel: DuelView) => {
      queryClient.setQueryData(duelKey(duel.id), duel);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.duels, 'list'] });
    },
  });
}

export const useAcceptDuel = () => useTransition('/api/duels/{id}/accept');
export const useDeclineDuel = () => useTransition('/api/duels/{id}/decline');
