import type { Fetch, Logger } from '../ports.js';
import { AppError } from '../errors.js';
import {
  badResponseError,
  errorFromFailure,
  networkError,
  readErrorEnvelope,
  serverWaitError,
  timeoutError,
} from './errors.js';
import { backoffMs, isRetryableStatus, RETRY_LIMITS, serverRequestedWait } from './retry-policy.js';

export type HttpOptions = {
  fetch: Fetch;
  baseUrl: string;
  apiKey: string;
  logger: Logger;
  timeoutMs?: number;
  /** Injected so tests can record the waits instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type RequestSpec = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number>;
  body?: unknown;
  /**
   * `safe`: a read or an idempotent action, retried on 429/5xx/timeouts. `never`: a create, whose
   * success we cannot rule out after a timeout or 5xx.
   */
  retry: 'safe' | 'never';
  /**
   * An action whose answer body is not documented (activate, deactivate, delete, the guessed tag edit): a 2xx
   * means Telnyx acted, so an empty or unreadable body is no failure — the body is then `null`.
   */
  anyBodyOnSuccess?: boolean;
};

export type HttpResponse = { status: number; body: unknown; headers: Headers };

export const DEFAULT_TIMEOUT_MS = 20_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The transport under every Telnyx call: auth, timeouts, retries, and error envelopes turned into AppErrors. */
export function createHttp(options: HttpOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function once(spec: RequestSpec, signal: AbortSignal): Promise<Response> {
    const url = new URL(base + spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.apiKey}`,
      accept: 'application/json',
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await options.fetch(url, {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal,
      });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw timeoutError(timeoutMs);
      }
      throw networkError(error);
    }
  }

  async function readBody(response: Response): Promise<unknown> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The body was cut off: the connection dropped or the timeout fired mid-stream.
      throw error instanceof Error && error.name === 'TimeoutError'
        ? timeoutError(timeoutMs)
        : networkError(error);
    }
    if (text.trim() === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw badResponseError(`status ${response.status}, ${text.length} bytes of non-JSON`);
    }
  }

  async function request(spec: RequestSpec): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const retriesLeft = spec.retry === 'safe' && attempt < RETRY_LIMITS.maxRetries;
      // One timer for the whole attempt, the body included. Not AbortSignal.timeout(): Node's timer holds
      // that signal only weakly and fetch's Request follows it weakly too (nodejs/undici#3644), so after a GC
      // the timeout never fires and a hung request hangs for ever. Seen here under load, in the fault tests.
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new DOMException('timed out', 'TimeoutError')),
        timeoutMs,
      );
      try {
        const outcome = await attemptOnce(spec, controller.signal, attempt, retriesLeft);
        if (outcome !== RETRY) return outcome;
      } finally {
        clearTimeout(timer);
      }
    }
  }

  const RETRY = Symbol('retry');

  async function attemptOnce(
    spec: RequestSpec,
    signal: AbortSignal,
    attempt: number,
    retriesLeft: boolean,
  ): Promise<HttpResponse | typeof RETRY> {
    let response: Response;
    try {
      response = await once(spec, signal);
    } catch (error) {
      if (!(error instanceof AppError) || !retriesLeft) throw error;
      await wait(spec, attempt, backoffMs(attempt, random), error.message);
      return RETRY;
    }
    if (response.ok || !isRetryableStatus(response.status) || !retriesLeft) {
      let body: unknown;
      try {
        body = await readBody(response);
      } catch (error) {
        if (
          response.ok &&
          spec.anyBodyOnSuccess &&
          error instanceof AppError &&
          error.code === 'bad-response'
        ) {
          options.logger.warn('telnyx answered an action with a body Keytray cannot read; taken as done', {
            method: spec.method,
            path: spec.path,
            status: response.status,
          });
          return { status: response.status, body: null, headers: response.headers };
        }
        // A body cut off or garbled on the way (a proxy, a dropped connection) is worth another try on a
        // read; a create's answer is not (see client.createKey).
        if (!(error instanceof AppError) || !retriesLeft) throw error;
        await wait(spec, attempt, backoffMs(attempt, random), error.message);
        return RETRY;
      }
      if (response.ok) return { status: response.status, body, headers: response.headers };
      const error = errorFromFailure(readErrorEnvelope(response.status, body));
      error.detail['retried'] = attempt > 0;
      throw error;
    }
    await response.body?.cancel();
    // Wall-clock time, not the app's clock: an HTTP-date `Retry-After` is the server's real time.
    const asked = serverRequestedWait(response.status, response.headers, Date.now());
    if (asked !== null && asked.ms > RETRY_LIMITS.maxServerWaitMs) {
      throw serverWaitError(response.status, asked);
    }
    await wait(spec, attempt, asked?.ms ?? backoffMs(attempt, random), `HTTP ${response.status}`);
    return RETRY;
  }

  async function wait(spec: RequestSpec, attempt: number, ms: number, why: string) {
    options.logger.warn('telnyx request retried', {
      method: spec.method,
      path: spec.path,
      attempt,
      waitMs: ms,
      why,
    });
    await sleep(ms);
  }

  return { request };
}

export type Http = ReturnType<typeof createHttp>;
