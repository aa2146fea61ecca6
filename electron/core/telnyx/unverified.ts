import {
  LISTED_KEY_ID_PATTERN,
  MAX_STATUS_WORD,
  type KeyStatus,
  type UnreadableField,
} from '../../common/models.js';

/**
 * Every name and route Keytray uses that Telnyx has not documented, in one place (see
 * shared/reference/telnyx-api.md, tags [guess] and [seen]). One check against a live account corrects them
 * here; features that rest on them detect the capability and degrade (see `keys/key-service.ts`).
 */
export const UNVERIFIED = {
  /**
   * [doc] route (`POST /v2/api_keys`, documented only with `{}`), [guess] body: `tags` and `expires_at`, by
   * analogy with IAM service-account tokens. A field is sent only when it carries something, so "Create
   * without tags/expiry" sends the documented `{}` where Telnyx refused the field.
   */
  createPath: '/api_keys',
  createBody: (tags: string[], expiresAt: string | null) => ({
    ...(tags.length > 0 ? { tags } : {}),
    ...(expiresAt !== null ? { expires_at: expiresAt } : {}),
  }),
  /** [guess] the `source.pointer` of a 422 that refuses one create field (see `createBody`). */
  createFieldPointers: { tags: '/tags', expiresAt: '/expires_at' },
  /** [seen] the full key value, present in the create response only. */
  createdSecretField: 'api_key',
  /** [guess] editing tags after creation. */
  updatePath: (id: string) => `/api_keys/${encodeURIComponent(id)}`,
  updateBody: (tags: string[]) => ({ tags }),
  /** [seen] a non-owner's own keys; [guess] that it pages like the IAM list (it may refuse `page[size]=250`). */
  ownListPath: '/api_keys',
  ownDeletePath: (id: string) => `/api_keys/${encodeURIComponent(id)}`,
} as const;

/**
 * [guess] The key record, read field by field. Telnyx documents only that the IAM list shows each key's user,
 * status and last use; the names below are the plausible spellings, first one first:
 * - `id` (a string; a key without one is dropped: nothing could act on it);
 * - the user: `user_id` or `user.id`; its e-mail `user_email`, `user.email` or `email` (often absent: a user id
 *   is more likely — `client.ts` then looks the e-mail up with `GET /v2/organizations/users`);
 * - `status`: `active`, `inactive`/`disabled`, `expired`; any other word is kept as `statusWord` and the status
 *   is `unknown` (a key is never shown as active on a guess);
 * - `tags`: a string array; `null` = no tags; absent or another type = unknown (`unreadable`);
 * - `expires_at` or `expiration`: `null` = never expires; absent or unreadable = unknown (`unreadable`);
 * - `last_used_at` or `last_used`: `null` = never used; absent or unreadable = unknown (`unreadable`);
 * - `created_at`.
 * Each field degrades on its own, so a renamed field costs that field, never the key. Checked by hand rather
 * than by a zod schema: this runs 10,000 times a sync, and the hand-written checks are several times faster.
 * The spellings are `KEY_FIELD_SPELLINGS`; a compatibility check against the account may teach a better one
 * (`LearnedSpellings`), which is then tried first.
 */
export type KeyRecord = {
  id: string;
  /** The IAM user the key belongs to; identifies an owner's account across their keys. */
  userId: string | null;
  userEmail: string | null;
  status: KeyStatus;
  /** The word behind `status: 'unknown'` (null when Telnyx sent none). */
  statusWord: string | null;
  tags: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string | null;
  /** Fields Telnyx left out or sent unreadably: `tags: []` / `expiresAt: null` / `lastUsedAt: null` then mean "unknown". */
  unreadable: UnreadableField[];
};

/**
 * What parsing had to degrade in one list (or one answer): counts by field name and JSON type, never a value,
 * so one log line per sync tells us which guessed name was wrong without showing anyone's data.
 */
export class Degradations {
  readonly counts = new Map<string, number>();
  dropped = 0;

  note(field: string, type: string): void {
    const key = `${field} (${type})`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get any(): boolean {
    return this.dropped > 0 || this.counts.size > 0;
  }

  /** For the log: `{ "status (unknown word)": 3, … }` and how many records were dropped. */
  summary(): { fields: Record<string, number>; dropped: number } {
    return { fields: Object.fromEntries(this.counts), dropped: this.dropped };
  }
}

type Raw = Record<string, unknown>;
const ABSENT = 'absent';
const jsonType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
const isObject = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The key record's fields Keytray reads, by the name Keytray gives them. */
export const KEY_FIELDS = [
  'userId',
  'userEmail',
  'status',
  'tags',
  'expiresAt',
  'lastUsedAt',
  'createdAt',
] as const;
export type KeyField = (typeof KEY_FIELDS)[number];

/**
 * [guess] The spellings every sync tries for each field, first one first (`user.email`: `email` inside a
 * `user` object). Short on purpose: each one costs a property read per record, 10,000 records a sync.
 */
export const KEY_FIELD_SPELLINGS: Record<KeyField, readonly string[]> = {
  userId: ['user_id', 'user.id'],
  userEmail: ['user_email', 'email', 'user.email'],
  status: ['status'],
  tags: ['tags'],
  expiresAt: ['expires_at', 'expiration'],
  lastUsedAt: ['last_used_at', 'last_used'],
  createdAt: ['created_at'],
};

/**
 * [guess] Further plausible spellings, looked for only by the compatibility check (once, in one record):
 * when it finds one of these, or one of the above, Keytray remembers it for the account and every later sync
 * tries it first (`compileSpellings`).
 */
export const OTHER_KEY_FIELD_SPELLINGS: Record<KeyField, readonly string[]> = {
  userId: ['owner_id', 'user.user_id'],
  userEmail: ['owner_email', 'email_address', 'user.email_address'],
  status: ['state'],
  tags: ['labels'],
  expiresAt: ['expires', 'expiry', 'expire_at', 'expires_on', 'expiration_date', 'valid_until'],
  lastUsedAt: ['last_used_on', 'last_used_time', 'last_activity_at', 'last_seen_at'],
  createdAt: ['created', 'inserted_at', 'creation_date'],
};

/** What a compatibility check found: the spelling of each field it saw (field names only, never values). */
export type LearnedSpellings = { readonly [F in KeyField]?: string | undefined };

/** One spelling, split once: `user.email` reads `email` inside `user`. */
type Spelling = { label: string; parent: string | null; name: string };
/** Each field's spellings in the order one parse tries them. Built once per list, not once per record. */
export type KeyRecordSpellings = Record<KeyField, readonly Spelling[]>;

const split = (label: string): Spelling => {
  const dot = label.indexOf('.');
  return dot < 0
    ? { label, parent: null, name: label }
    : { label, parent: label.slice(0, dot), name: label.slice(dot + 1) };
};

function compile(learned: LearnedSpellings | null | undefined): KeyRecordSpellings {
  const out = {} as Record<KeyField, readonly Spelling[]>;
  for (const field of KEY_FIELDS) {
    const usual = KEY_FIELD_SPELLINGS[field];
    const wanted = learned?.[field];
    // Only a spelling this module lists is honoured: the settings file cannot make Keytray read anything else.
    const known =
      wanted !== undefined && (usual.includes(wanted) || OTHER_KEY_FIELD_SPELLINGS[field].includes(wanted));
    const order = known ? [wanted, ...usual.filter((s) => s !== wanted)] : usual;
    out[field] = order.map(split);
  }
  return out;
}

const USUAL_SPELLINGS = compile(null);

/** The spellings a list is parsed with: the learned one of each field first, then the usual ones. */
export function compileSpellings(learned: LearnedSpellings | null | undefined): KeyRecordSpellings {
  return learned && Object.keys(learned).length > 0 ? compile(learned) : USUAL_SPELLINGS;
}

/** The value under one spelling (undefined when absent). */
function readSpelling(r: Raw, spelling: Spelling): unknown {
  if (spelling.parent === null) return r[spelling.name];
  const parent = r[spelling.parent];
  return isObject(parent) ? parent[spelling.name] : undefined;
}

/** The first spelling present on the record (undefined when none is). */
function firstPresent(r: Raw, spellings: readonly Spelling[]): { name: string; value: unknown } | undefined {
  for (const spelling of spellings) {
    const value = readSpelling(r, spelling);
    if (value !== undefined) return { name: spelling.label, value };
  }
  return undefined;
}

/** An optional string: null when absent or null; null and noted when of another type. */
function optionalText(
  r: Raw,
  spellings: readonly Spelling[],
  tally: Degradations | undefined,
): string | null {
  const found = firstPresent(r, spellings);
  if (found === undefined || found.value === null) return null;
  if (typeof found.value === 'string') return found.value;
  tally?.note(found.name, jsonType(found.value));
  return null;
}
/** A Map, not an object: a status of "toString" must not find a method. */
const KNOWN_STATUS = new Map<unknown, 'active' | 'inactive' | 'expired'>([
  ['active', 'active'],
  ['inactive', 'inactive'],
  ['disabled', 'inactive'],
  ['expired', 'expired'],
]);

/**
 * Parses one raw record; null only when it is not an object with a usable string id (`LISTED_KEY_ID_PATTERN`).
 * `fallbackId`: the id to use when the record has none (a create answer: the id comes from the secret).
 * `spellings`: from `compileSpellings`, once per list (the usual ones when not given).
 */
export function parseKeyRecord(
  raw: unknown,
  now: Date,
  tally?: Degradations,
  fallbackId?: string,
  spellings: KeyRecordSpellings = USUAL_SPELLINGS,
): KeyRecord | null {
  if (!isObject(raw)) {
    if (fallbackId === undefined) {
      if (tally) tally.dropped += 1;
      return null;
    }
    raw = {};
  }
  const r = raw as Raw;
  const rawId = r['id'];
  let id: string;
  if (typeof rawId === 'string' && LISTED_KEY_ID_PATTERN.test(rawId)) id = rawId;
  else if (fallbackId !== undefined) id = fallbackId;
  else {
    tally?.note(
      'id',
      typeof rawId === 'string' ? 'string of another shape' : rawId === undefined ? ABSENT : jsonType(rawId),
    );
    if (tally) tally.dropped += 1;
    return null;
  }
  const unreadable: UnreadableField[] = [];

  const userId = optionalText(r, spellings.userId, tally);
  const userEmail = optionalText(r, spellings.userEmail, tally);

  let tags: string[] = [];
  const rawTags = firstPresent(r, spellings.tags)?.value;
  if (Array.isArray(rawTags)) {
    // The usual case passes without a copy; a mixed array keeps its strings.
    if (rawTags.every((t) => typeof t === 'string')) tags = rawTags as string[];
    else {
      tags = rawTags.filter((t): t is string => typeof t === 'string');
      tally?.note('tags', 'array with non-strings');
    }
  } else if (rawTags !== null) {
    unreadable.push('tags');
    tally?.note('tags', rawTags === undefined ? ABSENT : jsonType(rawTags));
  }

  let expiresAt: string | null = null;
  const expires = firstPresent(r, spellings.expiresAt);
  if (expires === undefined) {
    unreadable.push('expiresAt');
    tally?.note('expires_at', ABSENT);
  } else if (expires.value !== null) {
    expiresAt = typeof expires.value === 'string' ? isoOrNull(expires.value) : null;
    if (expiresAt === null) {
      unreadable.push('expiresAt');
      tally?.note(
        expires.name,
        typeof expires.value === 'string' ? 'unreadable date' : jsonType(expires.value),
      );
    }
  }

  // `null` = never used; absent or unreadable = unknown (a key is never called unused on a guess).
  let lastUsedAt: string | null = null;
  const lastUsed = firstPresent(r, spellings.lastUsedAt);
  if (lastUsed === undefined) {
    unreadable.push('lastUsedAt');
    tally?.note('last_used_at', ABSENT);
  } else if (lastUsed.value !== null) {
    lastUsedAt = typeof lastUsed.value === 'string' ? isoOrNull(lastUsed.value) : null;
    if (lastUsedAt === null) {
      unreadable.push('lastUsedAt');
      tally?.note(
        lastUsed.name,
        typeof lastUsed.value === 'string' ? 'unreadable date' : jsonType(lastUsed.value),
      );
    }
  }
  const createdAt = isoOrNull(optionalText(r, spellings.createdAt, tally), 'created_at', tally);

  const rawStatus = firstPresent(r, spellings.status)?.value;
  const known = KNOWN_STATUS.get(rawStatus);
  let status: KeyStatus;
  let statusWord: string | null = null;
  // Whether an expired key shows `status: "expired"` or only a past expiry is unknown: handle both.
  if (known === 'expired' || (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()))
    status = 'expired';
  else if (known !== undefined) status = known;
  else {
    status = 'unknown';
    if (typeof rawStatus === 'string') {
      statusWord = rawStatus.slice(0, MAX_STATUS_WORD);
      tally?.note('status', 'unknown word');
    } else tally?.note('status', rawStatus === undefined ? ABSENT : jsonType(rawStatus));
  }

  return { id, userId, userEmail, status, statusWord, tags, expiresAt, lastUsedAt, createdAt, unreadable };
}

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Dates as ISO-8601 UTC; the canonical form (what Telnyx sends) passes as is — this runs 30,000 times a sync.
 * An unreadable date becomes null, noted under `field` when one is given.
 */
function isoOrNull(value: string | null, field?: string, tally?: Degradations): string | null {
  if (value === null) return null;
  if (CANONICAL_ISO.test(value)) return value;
  const ms = Date.parse(value);
  if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  if (field) tally?.note(field, 'unreadable date');
  return null;
}

/** The id of a full key: the part before the first `_` ([doc/seen]), when it is shaped like a key id. */
export function idFromSecret(secret: string): string | null {
  const underscore = secret.indexOf('_');
  const id = underscore > 0 ? secret.slice(0, underscore) : '';
  return LISTED_KEY_ID_PATTERN.test(id) ? id : null;
}

/** [doc] `GET /v2/organizations/users` (owner only): `{id, email, …}` per user. Null when either is missing. */
export function parseOrganizationUser(raw: unknown): { id: string; email: string } | null {
  if (!isObject(raw)) return null;
  const { id, email } = raw;
  return typeof id === 'string' && typeof email === 'string' ? { id, email } : null;
}

/**
 * [doc] `GET /v2/iam/api_keys/{id}/scopes` (owner only): a key's scope statements `{effect: allow|deny,
 * actions: string[]}`. [guess] the envelope: `data` as an array of statements (each may carry more fields, an
 * id), or an object holding them under `statements` or `scopes`. Null when none of these is there: then
 * Keytray cannot say what the key may do (an empty list would read as "everything its user can").
 */
export const SCOPES_PATH = (id: string) => `/iam/api_keys/${encodeURIComponent(id)}/scopes`;
export type ScopeStatement = { effect: 'allow' | 'deny' | 'unknown'; actions: string[] };
/** Bounds for what reaches the popup: a statement list this long is no longer something to read anyway. */
export const MAX_STATEMENTS = 100;
export const MAX_ACTIONS = 200;
export const MAX_ACTION_LENGTH = 200;

export function parseScopeStatements(body: unknown): ScopeStatement[] | null {
  const data = isObject(body) ? body['data'] : undefined;
  const list = Array.isArray(data)
    ? data
    : isObject(data)
      ? [data['statements'], data['scopes']].find(Array.isArray)
      : undefined;
  if (!Array.isArray(list)) return null;
  const statements: ScopeStatement[] = [];
  for (const raw of list.slice(0, MAX_STATEMENTS)) {
    if (!isObject(raw)) continue;
    const effect = raw['effect'];
    const actions = Array.isArray(raw['actions']) ? raw['actions'] : [];
    statements.push({
      // Said as Telnyx's docs say it; any other word is shown as unknown, never as allow.
      effect: effect === 'allow' || effect === 'deny' ? effect : 'unknown',
      actions: actions
        .filter((a): a is string => typeof a === 'string')
        .slice(0, MAX_ACTIONS)
        .map((a) => a.slice(0, MAX_ACTION_LENGTH)),
    });
  }
  return statements;
}

/**
 * [doc] `GET /v2/iam/settings`: whether IAM is enabled for the organization (scope statements are enforced
 * only then). [guess] the field: `data.enabled` or `data.iam_enabled`, a boolean. Null when neither is there.
 */
export const IAM_SETTINGS_PATH = '/iam/settings';
export function parseIamEnabled(body: unknown): boolean | null {
  const data = isObject(body) ? body['data'] : undefined;
  if (!isObject(data)) return null;
  const value = [data['enabled'], data['iam_enabled']].find((v) => typeof v === 'boolean');
  return typeof value === 'boolean' ? value : null;
}
