import { useMutation } from '@tanstack/react-query';
import type { CodeJudgement } from '@/api/types';
import { api, data } from './api';
import { retryDelayMs, shouldRetry } from './retry';

/** Runs code against a question's visible tests: no grading, no XP, so retrying is harmless. */
export function useCodeRun() {
  return useMutation<CodeJudgement, unknown, { questionId: string; code: string }>({
    mutationFn: (body) => data(api.POST('/api/code/run', { body })),
    retry: (count, error) => shouldRetry(count, error, 2),
    retryDelay: retryDelayMs,
  });
}
