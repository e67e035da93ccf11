import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attemptResult, json, tokens, user } from '@/test/fixtures';
import { renderHookWithClient } from '@/test/render';
import { session } from './api';
import { useAttempt } from './attempts';

const QUESTION = '10000000-0000-0000-0000-000000000001';
const OTHER = '10000000-0000-0000-0000-000000000002';

describe('answering is idempotent', () => {
  let bodies: Array<{ idempotencyKey: string; answer: unknown }>;
  let replies: Array<() => Promise<Response>>;

  beforeEach(() => {
    session.signedIn(user, tokens('access', 'refresh'));
    bodies = [];
    replies = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        bodies.push(await request.clone().json());
        const reply = replies.shift() ?? (() => Promise.resolve(json(attemptResult())));
        return reply();
      }),
    );
  });

  afterEach(() => vi.unstubAllGlobals());

  it('reuses the same idempotency key when the network drops and the request is retried', async () => {
    replies.push(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(json({ title: 'Busy' }, 503, { 'Retry-After': '0' })),
    );
    const { result } = renderHookWithClient(() => useAttempt());

    act(() => result.current.check(QUESTION, { optionIds: ['b'] }, 1200));

    await waitFor(() => expect(result.current.result?.correct).toBe(true), { timeout: 5000 });
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((b) => b.idempotencyKey)).size).toBe(1);
    expect(bodies[0]!.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reuses the key when the learner presses Try again after the retries gave up', async () => {
    replies.push(...Array.from({ length: 4 }, () => () => Promise.resolve(json({ title: 'Busy' }, 503, { 'Retry-After': '0' }))));
    const { result } = renderHookWithClient(() => useAttempt());

    act(() => result.current.check(QUESTION, { optionIds: ['b'] }, 1200));
    await waitFor(() => expect(result.current.error).toBeTruthy(), { timeout: 5000 });
    act(() => result.current.check(QUESTION, { optionIds: ['b'] }, 1500));
    await waitFor(() => expect(result.current.result).toBeDefined(), { timeout: 5000 });

    expect(bodies).toHaveLength(5);
    expect(new Set(bodies.map((b) => b.idempotencyKey)).size).toBe(1);
  });

  it('gives the next answer a new key', async () => {
    const { result } = renderHookWithClient(() => useAttempt());

    act(() => result.current.check(QUESTION, { optionIds: ['b'] }, 1000));
    await waitFor(() => expect(result.current.result).toBeDefined());
    act(() => result.current.next());
    act(() => result.current.check(OTHER, { blanks: ['#'] }, 1000));
    await waitFor(() => expect(bodies).toHaveLength(2));

    expect(bodies[0]!.idempotencyKey).not.toBe(bodies[1]!.idempotencyKey);
  });

  it('does not retry an answer the Api refused as invalid', async () => {
    replies.push(() => Promise.resolve(json({ title: 'Invalid', errors: { 'answer.optionIds': ['Unknown option.'] } }, 400)));
    const { result } = renderHookWithClient(() => useAttempt());

    act(() => result.current.check(QUESTION, { optionIds: ['z'] }, 1000));
    await waitFor(() => expect(result.current.error).toBeTruthy());

    expect(bodies).toHaveLength(1);
  });
});
