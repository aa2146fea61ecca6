/**
 * How long to wait before retrying a read or an idempotent action. Telnyx documents `x-ratelimit-reset`
 * (seconds until the window resets); `Retry-After` is not documented but honoured when present. Without
 * either, exponential backoff with full jitter (AWS "Exponential Backoff And Jitter").
 */
export const RETRY_LIMITS = {
  maxRetries: 4,
  baseDelayMs: 300,
  maxBackoffMs: 5_000,
  /** Longer than this and we stop and tell the person, rather than freeze the popup. */
  maxServerWaitMs: 30_000,
} as const;

export function serverRequestedWaitMs(headers: Headers, nowMs: number): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null) {
    const seconds = Number(reset);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  }
  return null;
}

export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(RETRY_LIMITS.maxBackoffMs, RETRY_LIMITS.baseDelayMs * 2 ** attempt);
  // Full jitter, with a floor so two retries never fire back to back.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
