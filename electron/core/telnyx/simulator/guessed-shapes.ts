import type { SimKey, SimState } from './state.js';

/**
 * Every answer the simulator gives that Telnyx has not documented, in one place, for each profile:
 * - `default`: the shapes shared/reference/telnyx-api.md proposes (its "Proposed key record").
 * - `docs-minimal`: the other plausible answers, the least the documentation allows — what Keytray must also
 *   survive (`npm run simulator -- --profile docs-minimal`, `createSimulator({ profile: 'docs-minimal' })`).
 * Everything else the simulator serves is documented (see `envelopes.ts`). When a live account tells us
 * what Telnyx really answers, this file and `telnyx/unverified.ts` change together.
 */
export const SIMULATOR_PROFILES = ['default', 'docs-minimal'] as const;
export type SimulatorProfile = (typeof SIMULATOR_PROFILES)[number];

/** The guesses, named, with what each profile serves: printed by `npm run simulator` and read by people. */
export const GUESSES = {
  keyRecord:
    'key record fields: default `user_id`, `user_email`, `status`, `tags` ([] when none), `expires_at`, `last_used_at`, `created_at`, `updated_at`; docs-minimal `user_id` only (e-mails from GET /v2/organizations/users), `status`, `tags: null` when none, `expiration`, `last_used`, `created_at`',
  actionAnswer: 'activate/deactivate answer: default 200 with the key record; docs-minimal 204 with no body',
  createBody:
    'POST /v2/api_keys body: default honours `tags` and `expires_at` (422 with source.pointer /tags or /expires_at when it refuses one); docs-minimal ignores both',
  createAnswer:
    'POST /v2/api_keys answer: default 201 with the key record plus `api_key`; docs-minimal 201 with only `data.api_key`',
  tagEdit:
    'PATCH /v2/api_keys/{id} with `{tags}` (undocumented route): default 200 with the record; docs-minimal 204',
  ownKeys:
    'GET and DELETE /v2/api_keys[/{id}] for a non-owner (seen only in third-party code): default pages like the IAM list; docs-minimal lists without `meta`, refuses page[size] over 100 (400) and answers a delete with 204',
  iamForNonOwners:
    'GET /v2/iam/api_keys with a key that is not the owner’s: default 403 (documented); docs-minimal 404, as if the routes were missing (an organization without them: option `iamRoutes: false`)',
  keyScopes:
    'GET /v2/iam/api_keys/{id}/scopes (route and `{effect, actions}` documented, owner only): default `data` a list of scope records with `id`; docs-minimal `data.statements`',
  iamSettings:
    'GET /v2/iam/settings (route documented): default `data.enabled`; docs-minimal `data.iam_enabled`; owner only (403 for others, as the IAM key routes)',
  lastUseUnreported:
    'a key whose last use Telnyx does not report (option on a simulated key): the record leaves `last_used_at` / `last_used` out',
  balance:
    'GET /v2/balance: default 200; docs-minimal 422 "invalid or missing account information" (documented as possible, body a guess)',
  errorCodes:
    'the code of a 422 that refuses a value, and of a 503: undocumented, so none is sent (10027 is "Invalid amount format"; 10007 is "Unexpected error", a 500)',
  rateHeadersOn5xx:
    'docs-minimal sends x-ratelimit-* headers on 5xx answers too (Telnyx documents them on responses in general): `x-ratelimit-reset` is then no request to wait',
} as const;

/** [guess] The errors whose code Telnyx does not document: sent without a code rather than with an invented one. */
export const GUESSED_ERRORS = {
  unprocessable: { status: 422, code: null, title: 'Unprocessable Entity' },
  unavailable: { status: 503, code: null, title: 'Service Unavailable' },
} as const;

/** [guess] Telnyx's user ids are unique across organizations (UUIDs); the seed keeps two simulated ones apart. */
export const userIdOf = (state: SimState, userId: string) => `${userId}-${state.seed}`;

/** [guess] A key as the IAM list (and the delete answer) shows it. */
export function keyJson(profile: SimulatorProfile, state: SimState, key: SimKey): Record<string, unknown> {
  if (profile === 'docs-minimal') {
    return {
      id: key.id,
      record_type: 'api_key',
      user_id: userIdOf(state, key.userId),
      status: key.status,
      tags: key.tags.length > 0 ? key.tags : null,
      expiration: key.expiresAt,
      ...(key.lastUseUnreported ? {} : { last_used: key.lastUsedAt }),
      created_at: key.createdAt,
    };
  }
  const user = state.users.find((u) => u.id === key.userId);
  return {
    id: key.id,
    record_type: 'api_key',
    user_id: userIdOf(state, key.userId),
    user_email: user?.email ?? null,
    status: key.status,
    tags: key.tags,
    expires_at: key.expiresAt,
    ...(key.lastUseUnreported ? {} : { last_used_at: key.lastUsedAt }),
    created_at: key.createdAt,
    updated_at: key.updatedAt,
  };
}

/**
 * [guess] The envelope of `GET /v2/iam/api_keys/{id}/scopes` (the statements `{effect, actions}` are [doc]):
 * default a list of scope records with an id; docs-minimal an object holding `statements`.
 */
export function scopesJson(profile: SimulatorProfile, key: SimKey): unknown {
  const scopes = key.scopes ?? [];
  if (profile === 'docs-minimal') return { data: { statements: scopes } };
  return {
    data: scopes.map((scope, i) => ({
      id: `${key.id.slice(3, 11).toLowerCase()}-scope-${i + 1}`,
      record_type: 'api_key_scope',
      effect: scope.effect,
      actions: scope.actions,
    })),
  };
}

/** [guess] `GET /v2/iam/settings` (route [doc]): default `{enabled}`; docs-minimal `{iam_enabled}`. */
export function iamSettingsJson(profile: SimulatorProfile, state: SimState): unknown {
  return profile === 'docs-minimal'
    ? { data: { iam_enabled: state.iamEnabled } }
    : { data: { record_type: 'iam_settings', enabled: state.iamEnabled } };
}

/** What an answer carries: a status and a JSON body, or no body (204). */
export type GuessedAnswer = { status: number; body: unknown };

/** [guess] The answer to activate, deactivate and the tag edit. */
export function actionAnswer(profile: SimulatorProfile, state: SimState, key: SimKey): GuessedAnswer {
  return profile === 'docs-minimal'
    ? { status: 204, body: null }
    : { status: 200, body: { data: keyJson(profile, state, key) } };
}

/** [guess] The answer to a create; `api_key` ([seen]) is the full value, given this once only. */
export function createAnswer(profile: SimulatorProfile, state: SimState, key: SimKey): GuessedAnswer {
  return profile === 'docs-minimal'
    ? { status: 201, body: { data: { api_key: key.value } } }
    : { status: 201, body: { data: { ...keyJson(profile, state, key), api_key: key.value } } };
}

/** [guess] Whether a create honours the tags and expiry it was sent. */
export const createHonoursFields = (profile: SimulatorProfile) => profile !== 'docs-minimal';

/** [guess] The largest `page[size]` the own-keys route takes, and whether its pages carry `meta`. */
export const ownListPaging = (profile: SimulatorProfile) =>
  profile === 'docs-minimal' ? { maxPageSize: 100, meta: false } : { maxPageSize: 250, meta: true };
