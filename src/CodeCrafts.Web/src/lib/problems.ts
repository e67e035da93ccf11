// Problem details (RFC 9457) become learner-facing messages here, and only here.
import { friendlyFieldMessage } from './field-messages';

export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  errors?: Record<string, string[]>;
}

/** A failed call: an HTTP status with its problem details, or status 0 when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  /** From Retry-After, in milliseconds, when the server said how long to wait. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfterMs?: number) {
    super(messageForStatus(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterMs = retryAfterMs;
  }

  /** The server or the network is at fault, so trying again later can succeed. */
  get isOutage(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function messageForStatus(status: number, problem: Problem | undefined): string {
  if (status === 0) return 'We can’t reach CodeCrafts. Check your connection and try again.';
  if (status === 429) return 'Too many tries in a short time. Wait a moment, then try again.';
  if (status === 503) return 'CodeCrafts is busy right now. Please try again in a moment.';
  if (status === 502 || status === 504) return 'We can’t reach CodeCrafts right now. Please try again in a moment.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  if (status === 401) return problem?.detail ?? 'Your session has ended. Please sign in again.';
  if (status === 403) return 'That isn’t yours to open.';
  if (status === 404) return problem?.detail ?? 'We couldn’t find that.';
  const firstField = problem?.errors ? Object.entries(problem.errors).find(([, messages]) => messages[0]) : undefined;
  const firstFieldError = firstField ? friendlyFieldMessage(firstField[0], firstField[1][0]!) : undefined;
  return problem?.detail ?? firstFieldError ?? problem?.title ?? 'That didn’t work. Please check and try again.';
}

/** A message for anything thrown, for an error line or a banner. */
export function messageFor(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

/**
 * Field name → first message, for showing errors next to the inputs they name. The Api keys errors by JSON
 * field name (`email`, `answer.blanks`); a form asks for its own field names.
 */
export function fieldErrors(error: unknown, fieldForStatus: Record<number, string> = {}): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const statusField = fieldForStatus[error.status];
  // Some refusals name no field but clearly belong to one (409 "email already registered" → email).
  if (statusField) return { [statusField]: error.problem?.detail ?? error.message };
  if (!error.problem?.errors) return {};
  const result: Record<string, string> = {};
  for (const [key, messages] of Object.entries(error.problem.errors)) {
    const field = key.charAt(0).toLowerCase() + key.slice(1);
    if (messages[0]) result[field] = friendlyFieldMessage(field, messages[0]);
  }
  return result;
}

/** Errors that no field of the form claims, to show at the top of the form. */
export function formLevelMessage(error: unknown, fields: readonly string[], fieldForStatus: Record<number, string> = {}): string | undefined {
  if (!error) return undefined;
  // Outages have the banner at the top of every screen; repeating them in the form would say it twice.
  if (error instanceof ApiError && error.isOutage) return undefined;
  const byField = fieldErrors(error, fieldForStatus);
  const unclaimed = Object.keys(byField).filter((f) => !fields.includes(f));
  if (Object.keys(byField).length > 0 && unclaimed.length === 0) return undefined;
  return unclaimed.length > 0 ? byField[unclaimed[0]!] : messageFor(error);
}
