import { z } from 'zod';
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
 * renamed field degrades to "unknown" rather than failing the whole list.
 */
const RawKeyRecord = z.looseObject({
  id: z.string(),
  user_email: z.string().nullish(),
  status: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  expires_at: z.string().nullish(),
  last_used_at: z.string().nullish(),
  created_at: z.string().nullish(),
});

export type KeyRecord = {
  id: string;
  userEmail: string | null;
  status: KeyStatus;
  tags: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string | null;
};

/** Parses one raw record; null when it lacks even an id. */
export function parseKeyRecord(raw: unknown, now: Date): KeyRecord | null {
  const parsed = RawKeyRecord.safeParse(raw);
  if (!parsed.success) return null;
  const r = parsed.data;
  const expiresAt = isoOrNull(r.expires_at);
  return {
    id: r.id,
    userEmail: r.user_email ?? null,
    status: normaliseStatus(r.status, expiresAt, now),
    tags: r.tags ?? [],
    expiresAt,
    lastUsedAt: isoOrNull(r.last_used_at),
    createdAt: isoOrNull(r.created_at),
  };
}

/** Whether an expired key shows `status: "expired"` or only a past `expires_at` is unknown: handle both. */
function normaliseStatus(status: string | null | undefined, expiresAt: string | null, now: Date): KeyStatus {
  if (status === 'expired' || (expiresAt !== null && Date.parse(expiresAt) <= now.getTime()))
    return 'expired';
  return status === 'inactive' || status === 'disabled' ? 'inactive' : 'active';
}

function isoOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}
