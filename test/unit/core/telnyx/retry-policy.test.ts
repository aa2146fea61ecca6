import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors.js';
import { createLogger } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';
import { createHttp } from '../../../../electron/core/telnyx/http.js';
import {
  backoffMs,
  isRetryableStatus,
  RETRY_LIMITS,
  serverRequestedWait,
} from '../../../../electron/core/telnyx/retry-policy.js';
import { createSimulator, type FaultRule } from '../../../../electron/core/telnyx/simulator/index.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const wait = (status: number, headers: Record<string, string>) =>
  serverRequestedWait(status, new Headers(headers), NOW);

describe('serverRequestedWait: what Telnyx asked for', () => {
  it('Retry-After in seconds, on a 429 and on a 5xx', () => {
    expect(wait(429, { 'retry-after': '3' })).toEqual({ ms: 3000, source: 'retry-after' });
    expect(wait(503, { 'retry-after': '120' })).toEqual({ ms: 120_000, source: 'retry-after' });
    expect(wait(503, { 'retry-after': ' 0 ' })).toEqual({ ms: 0, source: 'retry-after' });
  });

  it('Retry-After as an HTTP date counts from now; a date in the past means no wait', () => {
    expect(wait(503, { 'retry-after': 'Mon, 02 Mar 2026 10:00:45 GMT' })).toEqual({
      ms: 45_000,
      source: 'retry-after',
    });
    expect(wait(429, { 'retry-after': 'Mon, 02 Mar 2026 09:59:00 GMT' })).toEqual({
      ms: 0,
      source: 'retry-after',
    });
  });

  it('retry-after-ms, on any retryable status, ahead of Retry-After', () => {
    expect(wait(503, { 'retry-after-ms': '250' })).toEqual({ ms: 250, source: 'retry-after' });
    expect(wait(429, { 'retry-after-ms': '1500', 'retry-after': '9' })).toEqual({
      ms: 1500,
      source: 'retry-after',
    });
  });

  it('x-ratelimit-reset counts on a 429, and Retry-After wins over it', () => {
    expect(wait(429, { 'x-ratelimit-reset': '2' })).toEqual({ ms: 2000, source: 'rate-limit-reset' });
    expect(wait(429, { 'x-ratelimit-reset': '2', 'x-ratelimit-remaining': '0' })).toEqual({
      ms: 2000,
      source: 'rate-limit-reset',
    });
    expect(wait(429, { 'x-ratelimit-reset': '9', 'retry-after': '3' })).toEqual({
      ms: 3000,
      source: 'retry-after',
    });
  });

  it('x-ratelimit-reset does not count on a 5xx or a 408: it says when the budget refills, not when Telnyx recovers', () => {
    for (const status of [408, 500, 502, 503, 504]) {
      expect(
        wait(status, { 'x-ratelimit-reset': '55', 'x-ratelimit-remaining': '0' }),
        `${status}`,
      ).toBeNull();
    }
  });

  it('x-ratelimit-reset does not count on a 429 that says requests are left (that limit was another one)', () => {
    expect(wait(429, { 'x-ratelimit-reset': '55', 'x-ratelimit-remaining': '12' })).toBeNull();
  });

  it('ignores headers that are not a wait: negative, fractional Retry-After, empty, garbage', () => {
    for (const value of ['-5', '1.5', '', 'soon', '5 seconds']) {
      expect(wait(503, { 'retry-after': value }), JSON.stringify(value)).toBeNull();
    }
    expect(wait(429, { 'x-ratelimit-reset': '-1' })).toBeNull();
    expect(wait(503, { 'retry-after-ms': 'NaN' })).toBeNull();
    expect(wait(503, {})).toBeNull();
  });
});

describe('retryable statuses and backoff', () => {
  it('retries 408, 429 and 5xx, nothing else', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });

  it('grows with each attempt, stays between half and all of its ceiling, and is capped', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a, () => 0))).toEqual([150, 300, 600, 1200]);
    expect([0, 1, 2, 3].map((a) => backoffMs(a, () => 1))).toEqual([300, 600, 1200, 2400]);
    expect(backoffMs(20, () => 1)).toBe(RETRY_LIMITS.maxBackoffMs);
  });
});

/** The HTTP transport over the in-process simulator, which stages the answers; records every wait. */
function httpOverSimulator(...faults: FaultRule[]) {
  const simulator = createSimulator({ keyCount: 3 });
  simulator.faults.add(...faults);
  const waits: number[] = [];
  const http = createHttp({
    fetch: simulator.fetch,
    baseUrl: 'http://127.0.0.1:9/v2',
    apiKey: simulator.ownerKey,
    logger: createLogger({ redactor: new Redactor(), sink: () => undefined }),
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
  });
  const read = () => http.request({ method: 'GET', path: '/balance', retry: 'safe' });
  return { simulator, waits, read };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the transport follows the policy', () => {
  it('a 503 carrying x-ratelimit-reset: 55 is retried after a short backoff, not after 55 s', async () => {
    const { read, waits } = httpOverSimulator({ kind: 'status', status: 503, resetSeconds: 55, count: 2 });
    expect((await read()).status).toBe(200);
    expect(waits).toEqual([225, 450]);
  });

  it('when the 503s outlast the retries, it says Telnyx is having trouble, not that Telnyx asked to wait', async () => {
    const { read, waits } = httpOverSimulator({ kind: 'status', status: 503, resetSeconds: 55, count: 10 });
    const error = await failure(read());
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Telnyx is having trouble right now (error 503). Try again in a minute.');
    expect(waits).toHaveLength(RETRY_LIMITS.maxRetries);
    expect(Math.max(...waits)).toBeLessThanOrEqual(RETRY_LIMITS.maxBackoffMs);
  });

  it('a 503 with Retry-After waits as asked; one asking too long ends in a sentence saying so', async () => {
    const short = httpOverSimulator({ kind: 'status', status: 503, retryAfter: '4', resetSeconds: 55 });
    await short.read();
    expect(short.waits).toEqual([4000]);

    const long = httpOverSimulator({ kind: 'status', status: 503, retryAfter: '120' });
    const error = await failure(long.read());
    expect(error.message).toBe('Telnyx asked Keytray to wait 120 seconds. Try again after that.');
    expect(error.code).toBe('unavailable');
    expect(long.waits).toEqual([]);
  });

  it('a 429 waits for the rate window to reset', async () => {
    const { read, waits } = httpOverSimulator({ kind: 'status', status: 429, resetSeconds: 2 });
    await read();
    expect(waits).toEqual([2000]);
  });
});
