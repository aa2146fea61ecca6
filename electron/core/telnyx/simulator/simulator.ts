import type { Fetch } from '../../ports.js';
import { errorBody, TELNYX_ERRORS, type TelnyxErrorName } from './envelopes.js';
import { FaultPlan, type FaultRule } from './faults.js';
import type { SimulatorProfile } from './guessed-shapes.js';
import { createRoutes, fail, json } from './routes.js';
import { seedState, type SimKey, type SimState, type SimUser } from './state.js';

export type SimulatorOptions = {
  keyCount?: number;
  seed?: number;
  now?: () => Date;
  /** Added to every request, before faults. */
  latencyMs?: number;
  /** The undocumented routes (own list, own delete, tag edit). Off = 404, as if Telnyx lacked them. */
  guessedRoutes?: boolean;
  /** The IAM routes (`/v2/iam/…`). Off = 404 for every key: an organization without them. */
  iamRoutes?: boolean;
  /** Which guesses it serves for what Telnyx has not documented (see `guessed-shapes.ts`). */
  profile?: SimulatorProfile;
  rateLimit?: { limit: number; windowSeconds: number };
};

export const DROPPED = Symbol('dropped connection');
export type SimAnswer = Response | typeof DROPPED;

export type RequestLogEntry = { method: string; path: string; status: number | 'dropped' };

/**
 * A Telnyx stand-in that answers every route Keytray uses with Telnyx's envelopes, codes, rate-limit headers
 * and page limits. It is a plain `(Request) => Response` function, so the demo account calls it in-process
 * and `server.ts` puts it on loopback for tests and `npm run simulator`.
 */
export function createSimulator(options: SimulatorOptions = {}) {
  const now = options.now ?? (() => new Date());
  const state: SimState = seedState({
    keyCount: options.keyCount ?? 40,
    seed: options.seed ?? 42,
    now: now(),
  });
  const faults = new FaultPlan();
  const rateLimit = options.rateLimit ?? { limit: 6000, windowSeconds: 60 };
  const windows = new Map<string, { start: number; used: number }>();
  const log: RequestLogEntry[] = [];
  let guessedRoutes = options.guessedRoutes ?? true;
  let iamRoutes = options.iamRoutes ?? true;
  let latencyMs = options.latencyMs ?? 0;
  const profile = options.profile ?? 'default';
  const route = createRoutes({
    state,
    now,
    profile,
    guessedRoutes: () => guessedRoutes,
    iamRoutes: () => iamRoutes,
  });

  // Keys by value, rebuilt when the list changes (a create, a delete): auth on every request stays O(1).
  let byValue: { keys: SimKey[]; length: number; map: Map<string, SimKey> } | null = null;
  function keyByValue(value: string): SimKey | undefined {
    if (byValue?.keys !== state.keys || byValue.length !== state.keys.length) {
      byValue = {
        keys: state.keys,
        length: state.keys.length,
        map: new Map(state.keys.map((k) => [k.value, k])),
      };
    }
    return byValue.map.get(value);
  }

  function authenticate(request: Request): { user: SimUser; key: SimKey } | null {
    const match = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '');
    const key = match?.[1] ? keyByValue(match[1]) : undefined;
    const user = key && state.users.find((u) => u.id === key.userId);
    if (!key || !user || user.blocked || key.status !== 'active' || isExpired(key)) return null;
    key.lastUsedAt = now().toISOString();
    return { user, key };
  }

  const isExpired = (key: SimKey) => key.expiresAt !== null && Date.parse(key.expiresAt) <= now().getTime();

  function rateHeaders(identity: string): { headers: Record<string, string>; limited: boolean } {
    const t = now().getTime();
    let window = windows.get(identity);
    if (!window || t - window.start >= rateLimit.windowSeconds * 1000) {
      window = { start: t, used: 0 };
      windows.set(identity, window);
    }
    window.used += 1;
    const reset = Math.max(0, Math.ceil((window.start + rateLimit.windowSeconds * 1000 - t) / 1000));
    return {
      limited: window.used > rateLimit.limit,
      headers: {
        'x-ratelimit-limit': String(rateLimit.limit),
        'x-ratelimit-remaining': String(Math.max(0, rateLimit.limit - window.used)),
        'x-ratelimit-reset': String(reset),
      },
    };
  }

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });

  /**
   * `signal` is the caller's own abort signal. A Request's `signal` follows it through a weak link that a
   * garbage collection can break (nodejs/undici#3644), so hangs and latency listen to the original.
   */
  async function handle(request: Request, signal: AbortSignal = request.signal): Promise<SimAnswer> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/v2/, '');
    const answer = await handleInner(request, url, path, signal);
    log.push({ method: request.method, path, status: answer === DROPPED ? 'dropped' : answer.status });
    return answer;
  }

  async function handleInner(
    request: Request,
    url: URL,
    path: string,
    signal: AbortSignal,
  ): Promise<SimAnswer> {
    // A read's latency runs from its arrival, while it is answered: Telnyx answers requests side by side, and
    // four pages asked for at once come back together, not each after the one before was written. A change
    // waits first, so a caller that gives up during the latency changes nothing (as before).
    if (request.method !== 'GET') await sleep(latencyMs, signal);
    else {
      const arrived = performance.now();
      const answer = await answerOf(request, url, path, signal);
      await sleep(latencyMs - (performance.now() - arrived), signal);
      return signal.aborted ? DROPPED : answer;
    }
    return answerOf(request, url, path, signal);
  }

  async function answerOf(request: Request, url: URL, path: string, signal: AbortSignal): Promise<SimAnswer> {
    const fault = faults.take(request.method, path);
    if (fault && !fault.afterHandling) {
      const early = await applyFault(fault, signal);
      if (early) return early;
    }
    if (signal.aborted) return DROPPED;

    const caller = authenticate(request);
    const limits = rateHeaders(caller?.key.id ?? 'anonymous');
    let response: Response;
    if (!caller) response = fail('unauthorized', 'The API key is missing, invalid, disabled or revoked');
    else if (limits.limited) response = fail('tooManyRequests', 'Too many requests');
    else response = await route(request, url, caller.user);
    if (fault?.afterHandling) {
      const late = await applyFault(fault, signal);
      if (late) return late;
    }
    for (const [name, value] of Object.entries(limits.headers)) response.headers.set(name, value);
    return response;
  }

  /** Null when the request should go on (latency only); otherwise what the client gets instead. */
  async function applyFault(fault: FaultRule, signal: AbortSignal): Promise<SimAnswer | null> {
    if (fault.kind === 'latency') {
      await sleep(fault.ms, signal);
      return null;
    }
    if (fault.kind === 'hang') {
      await new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
      return DROPPED;
    }
    return faultAnswer(fault);
  }

  function faultAnswer(fault: FaultRule): SimAnswer | null {
    switch (fault.kind) {
      case 'status': {
        const name: TelnyxErrorName =
          fault.status === 429
            ? 'tooManyRequests'
            : fault.status === 422
              ? 'unprocessable'
              : fault.status === 500
                ? 'unexpected'
                : 'unavailable';
        const headers: Record<string, string> = {};
        // [guess] docs-minimal: the rate headers Telnyx documents on responses in general, a 5xx included.
        if (profile === 'docs-minimal' && fault.status >= 500) {
          headers['x-ratelimit-limit'] = String(rateLimit.limit);
          headers['x-ratelimit-remaining'] = String(rateLimit.limit - 1);
          headers['x-ratelimit-reset'] = '55';
        }
        if (fault.resetSeconds !== undefined) headers['x-ratelimit-reset'] = String(fault.resetSeconds);
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        return json(fault.status, errorBody(name, TELNYX_ERRORS[name].title, fault.pointer), headers);
      }
      case 'drop':
        return DROPPED;
      case 'malformed':
        return new Response('{"data": [{"id": "KEY', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      default:
        return null;
    }
  }

  /** In-process `fetch` for the demo account: a dropped connection rejects as `fetch` itself would. */
  const fetch: Fetch = async (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal ?? request.signal;
    const answer = await handle(request, signal);
    if (answer === DROPPED) {
      if (signal.aborted) throw signal.reason;
      throw new TypeError('fetch failed', { cause: new Error('other side closed') });
    }
    return answer;
  };

  return {
    state,
    faults,
    log,
    handle,
    fetch,
    get ownerKey() {
      return state.ownerKey;
    },
    get memberKey() {
      return state.memberKey;
    },
    profile,
    setGuessedRoutes(enabled: boolean) {
      guessedRoutes = enabled;
    },
    setIamRoutes(enabled: boolean) {
      iamRoutes = enabled;
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
