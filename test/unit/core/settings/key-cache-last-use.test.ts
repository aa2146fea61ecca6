import { describe, expect, it } from 'vitest';
import {
  KEY_CACHE_MIGRATIONS,
  KEY_CACHE_VERSION,
  KeyCache,
} from '../../../../electron/core/settings/stored-state.js';

const cached = (lastUsedAt: string | null, unreadable?: string[]) => ({
  id: 'KEY0190AB12CD34EF56AB78CD90EF000001',
  userId: null,
  userEmail: null,
  status: 'active',
  statusWord: null,
  tags: [],
  expiresAt: null,
  lastUsedAt,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...(unreadable ? { unreadable } : {}),
});

describe('key cache 2 → 3 (key hygiene)', () => {
  it('reads a cached null last use as unknown until the next sync, never as "never used"', () => {
    expect(KEY_CACHE_VERSION).toBe(3);
    const upgrade = KEY_CACHE_MIGRATIONS[1];
    if (!upgrade) throw new Error('no 2 → 3 migration');
    const before = {
      scope: 'demo',
      syncedAt: null,
      keys: [cached(null), cached('2026-01-01T00:00:00.000Z'), cached(null, ['tags'])],
    };
    const after = KeyCache.parse(upgrade(before));
    expect(after.keys.map((k) => k.unreadable)).toEqual([['lastUsedAt'], [], ['tags', 'lastUsedAt']]);
    expect(after.keys[1]?.lastUsedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});
