import type { KeyStatus } from '../../common/models.js';

/**
 * Every name and route Keytray uses that Telnyx has not documented, in one place (see
 * shared/reference/telnyx-api.md, tags [guess] and [seen]). One check against a live account corrects them
 * here; features that rest on them detect the capability and degrade (see `keys/capabilities.ts`).
 */
export const UNVERIFIED = {
  /** [doc] route, [guess] body: the create request's field names. */
  createPath: '/api_keys',
  createBody: (tags: string[], expiresAt: string | null) => ({ tags, expires_at: expiresAt }),
  /** [seen] the full key value, present in the create response only. */
  createdSecretField: 'api_key',
  /** [guess] editing tags after creation. */
  updatePath: (id: string) => `/api_keys/${encodeURIComponent(id)}`,
  updateBody: (tags: string[]) => ({ tags }),
  /** [seen] a non-owner's own keys. */
  ownListPath: '/api_keys',
  ownDeletePath: (id: string) => `/api_keys/${encodeURIComponent(id)}`,
} as const;

/**
 * [guess] The key record's field names. Unknown fields are ignored and missing optional ones default, so a
 * renamed field degrades to "unknown" rather than failing the whole list. Checked by hand rather than by a
 * zod schema: this runs 10,000 times a sync, and the hand-written checks are several times faster.
 */
export type KeyRecord = {
  id: string;
  /** [guess] `user_id`: the IAM user the key belongs to; identifies an owner's account across their keys. */
  userId: string | null;
  userEmail: string | null;
  status: KeyStatus;
  tags: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string | null;
};

type Raw = Record<string, unknown>;
const text = (raw: Raw, field: string): string | null | undefined => {
  const value = raw[field];
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : undefined;
};

/** Parses one raw record; null when it is not an object with a string id, or a field has the wrong type. */
export function parseKeyRecord(raw: unknown, now: Date): KeyRecord | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Raw;
  if (typeof r['id'] !== 'string') return null;
  const userId = text(r, 'user_id') ?? null;
  const userEmail = text(r, 'user_email');
  const status = text(r, 'status');
  const expires = text(r, 'expires_at');
  const lastUsed = text(r, 'last_used_at');
  const created = text(r, 'created_at');
  const tags = r['tags'] ?? [];
  if ([userEmail, status, expires, lastUsed, created].includes(undefined)) return null;
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) return null;
  const expiresAt = isoOrNull(expires);
  return {
    id: r['id'],
    userId,
    userEmail: userEmail ?? null,
    status: normaliseStatus(status, expiresAt, now),
    tags: tags as string[],
    expiresAt,
    lastUsedAt: isoOrNull(lastUsed),
    createdAt: isoOrNull(created),
  };
}

/** Whether an expired key shows `status: "expired"` or only a past `expires_at` is unknown: handle both. */
function normaliseStatus(status: string | null | undefined, expiresAt: string | null, now: Date): KeyStatus {
  if (status === 'expired' || (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()))
    return 'expired';
  return status === 'inactive' || status === 'disabled' ? 'inactive' : 'active';
}

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Dates as ISO-8601 UTC; the canonical form (what Telnyx sends) passes as is — this runs 30,000 times a sync. */
function isoOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (CANONICAL_ISO.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
