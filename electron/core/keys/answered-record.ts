import type { KeyRecord } from '../telnyx/unverified.js';

/**
 * The cached record after an action Telnyx carried out. Its answer body is not documented: it may hold the
 * record, a record missing some fields, or nothing (null). What the answer tells wins; what it leaves out
 * keeps the cached value, and `expected` (what the action set) fills in what neither says. The next sync
 * confirms it all.
 */
export function afterAction(
  cached: KeyRecord,
  answered: KeyRecord | null,
  expected: Partial<Pick<KeyRecord, 'status' | 'tags'>>,
): KeyRecord {
  if (answered === null) {
    return {
      ...cached,
      ...expected,
      ...(expected.status ? { statusWord: null } : {}),
      unreadable: expected.tags ? cached.unreadable.filter((f) => f !== 'tags') : cached.unreadable,
    };
  }
  const tagsKnown = !answered.unreadable.includes('tags');
  const expiryKnown = !answered.unreadable.includes('expiresAt');
  const statusKnown = answered.status !== 'unknown' || answered.statusWord !== null;
  return {
    ...answered,
    userId: answered.userId ?? cached.userId,
    userEmail: answered.userEmail ?? cached.userEmail,
    status: statusKnown ? answered.status : (expected.status ?? cached.status),
    statusWord: statusKnown ? answered.statusWord : expected.status ? null : cached.statusWord,
    tags: tagsKnown ? answered.tags : (expected.tags ?? cached.tags),
    expiresAt: expiryKnown ? answered.expiresAt : cached.expiresAt,
    lastUsedAt: answered.lastUsedAt ?? cached.lastUsedAt,
    createdAt: answered.createdAt ?? cached.createdAt,
    unreadable: cached.unreadable.filter(
      (field) => answered.unreadable.includes(field) && !(field === 'tags' && expected.tags),
    ),
  };
}
