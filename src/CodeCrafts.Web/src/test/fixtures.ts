// Builders for Api shapes in tests: typed by the generated schema, so a contract change breaks them loudly.
import type { AttemptResult, DueReview, DueReviews, Question, TokenPair, UserProfile } from '@/api/types';

export const user: UserProfile = {
  id: '00000000-0000-0000-0000-000000000001',
  email: 'ada@example.com',
  displayName: 'Ada',
  timeZone: 'Europe/Paris',
  dailyXpGoal: 50,
  createdAt: '2026-01-01T00:00:00Z',
};

export function tokens(access: string, refresh: string, expiresInMs = 30 * 60_000): TokenPair {
  return {
    tokenType: 'Bearer',
    accessToken: access,
    accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    refreshToken: refresh,
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  };
}

export function question(overrides: Partial<Question> = {}): Question {
  return {
    id: '10000000-0000-0000-0000-000000000001',
    slug: 'q',
    type: 'MultipleChoice',
    order: 1,
    prompt: 'What does `print("Hi")` display?',
    difficulty: 1,
    xpReward: 10,
    typicalSeconds: 15,
    choices: [
      { id: 'a', text: 'print Hi' },
      { id: 'b', text: 'Hi' },
      { id: 'c', text: '"Hi"' },
      { id: 'd', text: 'Nothing' },
    ],
    multipleAnswers: false,
    blankCount: null,
    starterCode: null,
    tests: null,
    back: null,
    ...overrides,
  };
}

export function attemptResult(overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    attemptId: '20000000-0000-0000-0000-000000000001',
    questionId: '10000000-0000-0000-0000-000000000001',
    lessonId: '30000000-0000-0000-0000-000000000001',
    correct: true,
    expectedAnswer: null,
    explanation: null,
    xpGained: 10,
    totalXp: 10,
    level: 1,
    currentStreak: 1,
    longestStreak: 1,
    todayXp: 10,
    dailyGoal: 50,
    dailyGoalReached: false,
    lessonProgress: { attempts: 1, correctAttempts: 1, questionsMastered: 1, questionCount: 8, score: 12, completed: false },
    nextReviewAt: '2026-01-02T00:00:00Z',
    answeredAt: '2026-01-01T00:00:00Z',
    code: null,
    ...overrides,
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
}

export function memoryStorage(initial: string | null = null) {
  let value = initial;
  return { get: () => value, set: (next: string | null) => void (value = next) };
}

export function dueReview(overrides: Partial<DueReview> = {}): DueReview {
  return {
    questionId: '10000000-0000-0000-0000-000000000001',
    lessonId: '30000000-0000-0000-0000-000000000001',
    lessonTitle: 'First steps',
    language: 'Python',
    type: 'MultipleChoice',
    promptSummary: 'What does print display?',
    dueAt: '2026-01-01T00:00:00Z',
    retrievability: 0.4,
    state: 'Learning',
    lapses: 1,
    ...overrides,
  };
}

export function dueReviews(items: DueReview[], rest: Partial<Omit<DueReviews, 'due'>> = {}): DueReviews {
  return { due: { items, page: 1, pageSize: 20, total: items.length }, dueLaterToday: 0, nextDueAt: null, ...rest };
}
