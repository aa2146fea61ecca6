/**
 * How long to wait before retrying a read or an idempotent action.
 *
 * Telnyx documents `x-ratelimit-reset` as "seconds until the rate window resets" and sends it on responses in
 * general, a 503 included: it says when the request budget refills, not when a failing service recovers, so
 * it counts only on a 429 (and not when `x-ratelimit-remaining` says requests are left: that 429 was for
 * something else). `Retry-After` (seconds or an HTTP date, RFC 9110 §10.2.3) and `retry-after-ms` are an
 * explicit request to wait and count on any retryable status. Without any of them, exponential backoff with
 * full jitter (AWS "Exponential Backoff And Jitter").
 */
export const RETRY_LIMITS = {
  maxRetries: 4,
  baseDelayMs: 300,
  maxBackoffMs: 5_000,
  /** Longer than this and we stop and tell the person, rather than freeze the popup. */
  maxServerWaitMs: 30_000,
} as const;

/** A wait the server asked for, and which header asked: the message to the person depends on it. */
export type ServerWait = { ms: number; source: 'retry-after' | 'rate-limit-reset' };

/** Statuses worth another try on a read or an idempotent action. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/**
 * The wait the response asks for, or null when it asks for none (then the caller backs off on its own).
 * `nowMs` is the time an HTTP-date `Retry-After` counts from.
 */
export function serverRequestedWait(status: number, headers: Headers, nowMs: number): ServerWait | null {
  const milliseconds = nonNegativeNumber(headers.get('retry-after-ms'));
  if (milliseconds !== null) return { ms: Math.ceil(milliseconds), source: 'retry-after' };

  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    // RFC 9110: delay-seconds is 1*DIGIT; anything else must be an HTTP-date (which always names a month).
    if (/^\d+$/.test(retryAfter)) return { ms: Number(retryAfter) * 1000, source: 'retry-after' };
    const date = /[a-z]/i.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (!Number.isNaN(date)) return { ms: Math.max(0, date - nowMs), source: 'retry-after' };
  }

  if (status === 429) {
    const remaining = nonNegativeNumber(headers.get('x-ratelimit-remaining'));
    const reset = nonNegativeNumber(headers.get('x-ratelimit-reset'));
    if (reset !== null && (remaining === null || remaining === 0)) {
      return { ms: Math.ceil(reset * 1000), source: 'rate-limit-reset' };
    }
  }
  return null;
}

function nonNegativeNumber(header: string | null): number | null {
  if (header === null || !/^\s*\d+(\.\d+)?\s*$/.test(header)) return null;
  return Number(header);
}

export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(RETRY_LIMITS.maxBackoffMs, RETRY_LIMITS.baseDelayMs * 2 ** attempt);
  // Full jitter, with a floor so two retries never fire back to back.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
