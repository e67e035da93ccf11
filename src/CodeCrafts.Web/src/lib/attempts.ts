// Answering a question (lessons and reviews). Each answer gets its own idempotency key when the learner first
// checks it; automatic retries and a manual "try again" send the same key, so the Api grades it once.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { AnswerSubmission, AttemptResult } from '@/api/types';
import { api, data } from './api';
import { retryDelayMs, shouldRetry } from './retry';

export interface AttemptVariables {
  questionId: string;
  answer: AnswerSubmission;
  timeTakenMs: number;
  idempotencyKey: string;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function submitAttempt({ questionId, ...body }: AttemptVariables): Promise<AttemptResult> {
  return data(api.POST('/api/questions/{id}/attempts', { params: { path: { id: questionId } }, body }));
}

export function useAttempt(onResult?: (result: AttemptResult) => void) {
  const pending = useRef<{ questionId: string; key: string } | null>(null);
  const mutation = useMutation({
    mutationFn: submitAttempt,
    // Safe to repeat: the key makes a repeat return the first result.
    retry: (count, error) => shouldRetry(count, error, 3),
    retryDelay: retryDelayMs,
    onSuccess: (result) => {
      pending.current = null;
      onResult?.(result);
    },
  });

  const { mutate, reset } = mutation;
  const check = useCallback(
    (questionId: string, answer: AnswerSubmission, timeTakenMs: number) => {
      if (pending.current?.questionId !== questionId) {
        pending.current = { questionId, key: newIdempotencyKey() };
      }
      mutate({ questionId, answer, timeTakenMs: Math.min(Math.max(0, Math.round(timeTakenMs)), 3_600_000), idempotencyKey: pending.current.key });
    },
    [mutate],
  );

  const next = useCallback(() => {
    pending.current = null;
    reset();
  }, [reset]);

  return { check, next, result: mutation.data, error: mutation.error, isChecking: mutation.isPending };
}
