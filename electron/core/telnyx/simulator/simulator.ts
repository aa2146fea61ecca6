import { randomBytes } from 'node:crypto';
import type { Fetch } from '../../ports.js';
import { errorBody, keyJson, pageMeta, TELNYX_ERRORS, type TelnyxErrorName } from './envelopes.js';
import { FaultPlan, type FaultRule } from './faults.js';
import { newKey } from './random.js';
import { seedState, type SimKey, type SimState, type SimUser } from './state.js';

export type SimulatorOptions = {
  keyCount?: number;
  seed?: number;
  now?: () => Date;
  /** Added to every request, before faults. */
  latencyMs?: number;
  /** The undocumented routes (own list, own delete, tag edit). Off = 404, as if Telnyx lacked them. */
  guessedRoutes?: boolean;
  rateLimit?: { limit: number; windowSeconds: number };
};

export const DROPPED = Symbol('dropped connection');
export type SimAnswer = Response | typeof DROPPED;

export type RequestLogEntry = { method: string; path: string; status: number | 'dropped' };

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 250;
const MAX_TAGS = 10;

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
  let latencyMs = options.latencyMs ?? 0;

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const fail = (name: TelnyxErrorName, detail: string, pointer?: string) =>
    json(TELNYX_ERRORS[name].status, errorBody(name, detail, pointer));

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
  const visible = (key: SimKey) => !state.users.some((u) => u.blocked && u.id === key.userId);
  /** Every listed key, blocked users' left out: once per request, not once per key per request. */
  const listed = (keys: SimKey[]) => {
    const blocked = new Set(state.users.filter((u) => u.blocked).map((u) => u.id));
    return keys.filter((k) => !blocked.has(k.userId));
  };

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

  function paginate(url: URL, items: SimKey[]): Response {
    const number = Number(url.searchParams.get('page[number]') ?? '1');
    const size = Number(url.searchParams.get('page[size]') ?? String(DEFAULT_PAGE_SIZE));
    if (!Number.isInteger(number) || number < 1)
      return fail('badRequest', 'page[number] must be a positive integer');
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      return fail('badRequest', `page[size] must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const slice = items.slice((number - 1) * size, number * size);
    const body = `{"data":[${slice.map(serialisedKey).join(',')}],"meta":${JSON.stringify(pageMeta(number, size, items.length))}}`;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  }

  /**
   * A key's JSON, kept until the key changes: serving 10,000 keys a sync should cost the simulator (which
   * stands in for Telnyx's servers, not our CPU) as little as possible, so benchmarks measure Keytray.
   */
  const serialised = new WeakMap<SimKey, { stamp: string; json: string }>();
  function serialisedKey(key: SimKey): string {
    const stamp = `${key.status}|${key.updatedAt}|${key.lastUsedAt}|${key.expiresAt}|${key.tags.join(',')}`;
    const cached = serialised.get(key);
    if (cached?.stamp === stamp) return cached.json;
    const json = JSON.stringify(keyJson(state, key));
    serialised.set(key, { stamp, json });
    return json;
  }

  async function readJson(request: Request): Promise<Record<string, unknown> | null> {
    try {
      const body: unknown = await request.json();
      return body !== null && typeof body === 'object' && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : null;
    } catch {
      return null;
    }
  }

  function checkTags(tags: unknown): string | null {
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string'))
      return 'tags must be an array of strings';
    if (tags.length > MAX_TAGS) return `a key can have at most ${MAX_TAGS} tags`;
    return null;
  }

  async function route(
    request: Request,
    url: URL,
    caller: { user: SimUser; key: SimKey },
  ): Promise<Response> {
    const path = url.pathname.replace(/^\/v2/, '');
    const method = request.method;
    const segments = path.split('/').filter(Boolean);
    const findKey = (id: string | undefined) => state.keys.find((k) => k.id === id && visible(k));

    if (method === 'GET' && path === '/balance') {
      return json(200, {
        data: {
          balance: '42.50',
          pending: '0.00',
          credit_limit: '0.00',
          available_credit: '42.50',
          currency: 'USD',
          record_type: 'balance',
        },
      });
    }

    if (segments[0] === 'iam' && segments[1] === 'api_keys') {
      if (!caller.user.owner) return fail('forbidden', 'Only the organization owner can manage API keys');
      const id = segments[2];
      if (method === 'GET' && segments.length === 2) return paginate(url, listed(state.keys));
      const key = findKey(id);
      if (!key) return fail('notFound', 'Resource not found');
      if (
        method === 'POST' &&
        segments[3] === 'actions' &&
        (segments[4] === 'activate' || segments[4] === 'deactivate')
      ) {
        if (isExpired(key))
          return fail('unprocessable', 'An expired API key cannot be activated or deactivated');
        key.status = segments[4] === 'activate' ? 'active' : 'inactive';
        key.updatedAt = now().toISOString();
        return json(200, { data: keyJson(state, key) });
      }
      if (method === 'DELETE' && segments.length === 3) {
        const before = keyJson(state, key);
        state.keys = state.keys.filter((k) => k !== key);
        return json(200, { data: before });
      }
      return fail('notFound', 'Resource not found');
    }

    if (segments[0] === 'api_keys') {
      if (method === 'POST' && segments.length === 1) {
        const body = (await readJson(request)) ?? {};
        const tags = body['tags'] ?? [];
        const tagProblem = checkTags(tags);
        if (tagProblem) return fail('unprocessable', tagProblem, '/tags');
        const expiresAt = body['expires_at'] ?? null;
        if (expiresAt !== null && (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))) {
          return fail('unprocessable', 'expires_at must be an ISO-8601 date-time or null', '/expires_at');
        }
        if (typeof expiresAt === 'string' && Date.parse(expiresAt) <= now().getTime()) {
          return fail('unprocessable', 'expires_at must be in the future', '/expires_at');
        }
        const { id, value } = newKey(() => randomBytes(4).readUInt32BE() / 2 ** 32);
        const created = now().toISOString();
        const key: SimKey = {
          id,
          value,
          userId: caller.user.id,
          status: 'active',
          tags: tags as string[],
          expiresAt: typeof expiresAt === 'string' ? new Date(expiresAt).toISOString() : null,
          lastUsedAt: null,
          createdAt: created,
          updatedAt: created,
        };
        state.keys.unshift(key);
        state.issued.push({ id, value });
        return json(201, { data: { ...keyJson(state, key), api_key: value } });
      }
      if (!guessedRoutes) return fail('notFound', 'Resource not found');
      const own = state.keys.filter((k) => k.userId === caller.user.id);
      if (method === 'GET' && segments.length === 1) return paginate(url, own);
      const key = segments.length === 2 ? findKey(segments[1]) : undefined;
      if (!key || (key.userId !== caller.user.id && !caller.user.owner))
        return fail('notFound', 'Resource not found');
      if (method === 'PATCH') {
        const body = await readJson(request);
        if (!body || !('tags' in body)) return fail('missingParameter', 'tags is required', '/tags');
        const tagProblem = checkTags(body['tags']);
        if (tagProblem) return fail('unprocessable', tagProblem, '/tags');
        key.tags = body['tags'] as string[];
        key.updatedAt = now().toISOString();
        return json(200, { data: keyJson(state, key) });
      }
      if (method === 'DELETE') {
        const before = keyJson(state, key);
        state.keys = state.keys.filter((k) => k !== key);
        return json(200, { data: before });
      }
    }
    return fail('notFound', 'Resource not found');
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
    await sleep(latencyMs, signal);
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
    else response = await route(request, url, caller);
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
          fault.status === 429 ? 'tooManyRequests' : fault.status === 500 ? 'unexpected' : 'unavailable';
        const headers: Record<string, string> = {};
        if (fault.resetSeconds !== undefined) headers['x-ratelimit-reset'] = String(fault.resetSeconds);
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        return json(fault.status, errorBody(name, TELNYX_ERRORS[name].title), headers);
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
    setGuessedRoutes(enabled: boolean) {
      guessedRoutes = enabled;
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
