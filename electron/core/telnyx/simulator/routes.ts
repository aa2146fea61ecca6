import { randomBytes } from 'node:crypto';
import {
  BALANCE,
  errorBody,
  organizationUserJson,
  pageMeta,
  TELNYX_ERRORS,
  type TelnyxErrorName,
} from './envelopes.js';
import {
  actionAnswer,
  createAnswer,
  createHonoursFields,
  iamSettingsJson,
  keyJson,
  ownListPaging,
  scopesJson,
  userIdOf,
  type GuessedAnswer,
  type SimulatorProfile,
} from './guessed-shapes.js';
import { newKey } from './random.js';
import type { SimKey, SimState, SimUser } from './state.js';

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 250;
const MAX_TAGS = 10;

export type RouteContext = {
  state: SimState;
  now: () => Date;
  profile: SimulatorProfile;
  /** The undocumented routes (own list, own delete, tag edit); off = 404, as if Telnyx lacked them. */
  guessedRoutes: () => boolean;
  /** The IAM routes; off = 404 for everyone, an organization without them. */
  iamRoutes: () => boolean;
};

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: status === 204 ? headers : { 'content-type': 'application/json', ...headers },
  });
export const fail = (name: TelnyxErrorName, detail: string, pointer?: string) =>
  json(TELNYX_ERRORS[name].status, errorBody(name, detail, pointer));
const answer = (a: GuessedAnswer) => json(a.status, a.body);

/** Every route Keytray calls, answered as Telnyx documents it, or (`guessed-shapes.ts`) as we guess it. */
export function createRoutes(ctx: RouteContext) {
  const { state, now, profile } = ctx;
  const isExpired = (key: SimKey) => key.expiresAt !== null && Date.parse(key.expiresAt) <= now().getTime();
  const visible = (key: SimKey) => !state.users.some((u) => u.blocked && u.id === key.userId);
  /** Every listed key, blocked users' left out: once per request, not once per key per request. */
  const listed = (keys: SimKey[]) => {
    const blocked = new Set(state.users.filter((u) => u.blocked).map((u) => u.id));
    return keys.filter((k) => !blocked.has(k.userId));
  };

  function paginate<T>(
    url: URL,
    items: T[],
    serialise: (item: T) => string,
    paging: { maxPageSize: number; meta: boolean } = { maxPageSize: MAX_PAGE_SIZE, meta: true },
  ): Response {
    const number = Number(url.searchParams.get('page[number]') ?? '1');
    const size = Number(url.searchParams.get('page[size]') ?? String(DEFAULT_PAGE_SIZE));
    if (!Number.isInteger(number) || number < 1)
      return fail('badRequest', 'page[number] must be a positive integer');
    if (!Number.isInteger(size) || size < 1 || size > paging.maxPageSize) {
      return fail('badRequest', `page[size] must be between 1 and ${paging.maxPageSize}`);
    }
    const slice = items.slice((number - 1) * size, number * size);
    const meta = paging.meta ? `,"meta":${JSON.stringify(pageMeta(number, size, items.length))}` : '';
    const body = `{"data":[${slice.map(serialise).join(',')}]${meta}}`;
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  }

  /**
   * A key's JSON, kept until the key changes: serving 10,000 keys a sync should cost the simulator (which
   * stands in for Telnyx's servers, not our CPU) as little as possible, so benchmarks measure Keytray.
   */
  const serialised = new WeakMap<SimKey, { stamp: string; json: string }>();
  function serialisedKey(key: SimKey): string {
    const stamp = `${key.status}|${key.updatedAt}|${key.lastUsedAt}|${key.lastUseUnreported}|${key.createdAt}|${key.expiresAt}|${key.tags.join(',')}`;
    const cached = serialised.get(key);
    if (cached?.stamp === stamp) return cached.json;
    const text = JSON.stringify(keyJson(profile, state, key));
    serialised.set(key, { stamp, json: text });
    return text;
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

  function removeKey(key: SimKey) {
    state.keys = state.keys.filter((k) => k !== key);
  }

  async function create(request: Request, caller: SimUser): Promise<Response> {
    const body = (await readJson(request)) ?? {};
    let tags: string[] = [];
    let expiresAt: string | null = null;
    if (createHonoursFields(profile)) {
      const tagProblem = checkTags(body['tags'] ?? []);
      if (tagProblem) return fail('unprocessable', tagProblem, '/tags');
      tags = (body['tags'] as string[] | undefined) ?? [];
      const expires = body['expires_at'] ?? null;
      if (expires !== null && (typeof expires !== 'string' || Number.isNaN(Date.parse(expires)))) {
        return fail('unprocessable', 'expires_at must be an ISO-8601 date-time or null', '/expires_at');
      }
      if (typeof expires === 'string' && Date.parse(expires) <= now().getTime()) {
        return fail('unprocessable', 'expires_at must be in the future', '/expires_at');
      }
      expiresAt = typeof expires === 'string' ? new Date(expires).toISOString() : null;
    }
    const { id, value } = newKey(() => randomBytes(4).readUInt32BE() / 2 ** 32);
    const created = now().toISOString();
    const key: SimKey = {
      id,
      value,
      userId: caller.id,
      status: 'active',
      tags,
      expiresAt,
      lastUsedAt: null,
      createdAt: created,
      updatedAt: created,
    };
    state.keys.unshift(key);
    state.issued.push({ id, value });
    return answer(createAnswer(profile, state, key));
  }

  function iam(request: Request, url: URL, segments: string[], caller: SimUser): Response {
    if (!ctx.iamRoutes()) return fail('notFound', 'Resource not found');
    if (!caller.owner) {
      return profile === 'docs-minimal'
        ? fail('notFound', 'Resource not found')
        : fail('forbidden', 'Only the organization owner can manage API keys');
    }
    const method = request.method;
    if (method === 'GET' && segments.length === 2) return paginate(url, listed(state.keys), serialisedKey);
    const key = state.keys.find((k) => k.id === segments[2] && visible(k));
    if (!key) return fail('notFound', 'Resource not found');
    const action = segments[4];
    if (method === 'GET' && segments[3] === 'scopes' && segments.length === 4)
      return json(200, scopesJson(profile, key));
    if (
      method === 'POST' &&
      segments[3] === 'actions' &&
      (action === 'activate' || action === 'deactivate')
    ) {
      if (isExpired(key))
        return fail('unprocessable', 'An expired API key cannot be activated or deactivated');
      key.status = action === 'activate' ? 'active' : 'inactive';
      key.updatedAt = now().toISOString();
      return answer(actionAnswer(profile, state, key));
    }
    if (method === 'DELETE' && segments.length === 3) {
      // [doc] 200 with the record as it was just before deletion.
      const before = keyJson(profile, state, key);
      removeKey(key);
      return json(200, { data: before });
    }
    return fail('notFound', 'Resource not found');
  }

  async function ownKeys(request: Request, url: URL, segments: string[], caller: SimUser) {
    if (!ctx.guessedRoutes()) return fail('notFound', 'Resource not found');
    const own = state.keys.filter((k) => k.userId === caller.id);
    if (request.method === 'GET' && segments.length === 1)
      return paginate(url, own, serialisedKey, ownListPaging(profile));
    const key =
      segments.length === 2 ? state.keys.find((k) => k.id === segments[1] && visible(k)) : undefined;
    if (!key || (key.userId !== caller.id && !caller.owner)) return fail('notFound', 'Resource not found');
    if (request.method === 'PATCH') {
      const body = await readJson(request);
      if (!body || !('tags' in body)) return fail('missingParameter', 'tags is required', '/tags');
      const tagProblem = checkTags(body['tags']);
      if (tagProblem) return fail('unprocessable', tagProblem, '/tags');
      key.tags = body['tags'] as string[];
      key.updatedAt = now().toISOString();
      return answer(actionAnswer(profile, state, key));
    }
    if (request.method === 'DELETE') {
      const before = keyJson(profile, state, key);
      removeKey(key);
      return profile === 'docs-minimal' ? json(204, null) : json(200, { data: before });
    }
    return fail('notFound', 'Resource not found');
  }

  return async function route(request: Request, url: URL, caller: SimUser): Promise<Response> {
    const path = url.pathname.replace(/^\/v2/, '');
    const segments = path.split('/').filter(Boolean);
    const method = request.method;

    if (method === 'GET' && path === '/balance') {
      return profile === 'docs-minimal'
        ? fail('unprocessable', 'Invalid or missing account information')
        : json(200, BALANCE);
    }
    if (method === 'GET' && path === '/organizations/users') {
      if (!caller.owner) return fail('forbidden', 'Only the organization owner can list its users');
      return paginate(url, state.users, (u) =>
        JSON.stringify(organizationUserJson(userIdOf(state, u.id), u)),
      );
    }
    if (segments[0] === 'iam' && segments[1] === 'api_keys') return iam(request, url, segments, caller);
    if (method === 'GET' && path === '/iam/settings') {
      if (!ctx.iamRoutes()) return fail('notFound', 'Resource not found');
      if (!caller.owner) return fail('forbidden', 'Only the organization owner can read IAM settings');
      return json(200, iamSettingsJson(profile, state));
    }
    if (segments[0] === 'api_keys') {
      if (method === 'POST' && segments.length === 1) return create(request, caller);
      return ownKeys(request, url, segments, caller);
    }
    return fail('notFound', 'Resource not found');
  };
}
