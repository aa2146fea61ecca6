import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMemoryDocumentStore,
  type DocumentStore,
} from '../../../../electron/core/settings/json-store.js';
import { accountScopedKeyCache } from '../../../../electron/core/settings/account-scoped-state.js';
import { EMPTY_KEY_CACHE, type KeyCache } from '../../../../electron/core/settings/stored-state.js';
import type { KeyRecord } from '../../../../electron/core/telnyx/unverified.js';

const SCOPE = 'u:user-owner-42';
const key = (id: string): KeyRecord => ({
  id,
  userId: 'user-owner-42',
  userEmail: null,
  status: 'active',
  statusWord: null,
  tags: [],
  expiresAt: null,
  lastUsedAt: null,
  createdAt: null,
  unreadable: [],
});
const list = (...ids: string[]): KeyCache => ({ scope: null, keys: ids.map(key), syncedAt: null });

/** The file under the cache, counting what reaches it. */
function countedFile(initial: KeyCache = EMPTY_KEY_CACHE) {
  const inner = createMemoryDocumentStore(initial);
  const counts = { reads: 0, writes: 0 };
  const file: DocumentStore<KeyCache> = {
    read: () => (counts.reads++, inner.read()),
    write: (value) => (counts.writes++, inner.write(value)),
  };
  return { file, inner, counts };
}

afterEach(() => vi.useRealTimers());

describe('the key cache: read once, kept in memory, written to disk off the waiting path', () => {
  it('is read from the file once however often the services read it, and hands out the same frozen list', () => {
    const { file, counts } = countedFile({ ...list('KEYAAAA', 'KEYBBBB'), scope: SCOPE });
    const cache = accountScopedKeyCache(file, () => SCOPE, { writeDelayMs: 1_000 });
    const first = cache.read();
    expect(cache.read()).toBe(first);
    expect(counts.reads).toBe(1);
    expect(first.keys.map((k) => k.id)).toEqual(['KEYAAAA', 'KEYBBBB']);
    // A service that changes what it read, instead of writing a new list, fails loudly.
    expect(() => ((first.keys[0] as KeyRecord).status = 'inactive')).toThrow(TypeError);
    expect(() => (first.keys as KeyRecord[]).push(key('KEYCCCC'))).toThrow(TypeError);
  });

  it('a burst of writes is seen at once and reaches the disk once, after the delay; flush() writes what waits', () => {
    vi.useFakeTimers();
    const { file, inner, counts } = countedFile();
    const cache = accountScopedKeyCache(file, () => SCOPE, { writeDelayMs: 1_000 });
    cache.write(list('KEYAAAA'));
    cache.write(list('KEYAAAA', 'KEYBBBB'));
    expect(cache.read().keys).toHaveLength(2);
    expect(counts.writes).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(counts.writes).toBe(1);
    expect(inner.read()).toMatchObject({ scope: SCOPE, keys: [{ id: 'KEYAAAA' }, { id: 'KEYBBBB' }] });

    cache.write(list('KEYCCCC'));
    cache.flush();
    expect(counts.writes).toBe(2);
    expect(inner.read().keys.map((k) => k.id)).toEqual(['KEYCCCC']);
    cache.flush();
    expect(counts.writes).toBe(2);
  });

  it('a delayed write the file refuses is reported, not thrown, and the list on screen stays', () => {
    vi.useFakeTimers();
    const refused: unknown[] = [];
    const file: DocumentStore<KeyCache> = {
      read: () => EMPTY_KEY_CACHE,
      write: () => {
        throw new Error('refused');
      },
    };
    const cache = accountScopedKeyCache(file, () => SCOPE, {
      writeDelayMs: 1_000,
      onWriteError: (error) => refused.push(error),
    });
    cache.write(list('KEYAAAA'));
    vi.advanceTimersByTime(1_000);
    expect(refused).toHaveLength(1);
    expect(cache.read().keys.map((k) => k.id)).toEqual(['KEYAAAA']);
  });

  it('without a delay every write reaches the file before write returns, and a refusal throws to the caller', () => {
    const { file, counts } = countedFile();
    const cache = accountScopedKeyCache(file, () => SCOPE, { writeDelayMs: 0 });
    cache.write(list('KEYAAAA'));
    expect(counts.writes).toBe(1);
    const refusing = accountScopedKeyCache(
      {
        read: () => EMPTY_KEY_CACHE,
        write: () => {
          throw new Error('refused');
        },
      },
      () => SCOPE,
      { writeDelayMs: 0 },
    );
    expect(() => refusing.write(list('KEYAAAA'))).toThrow('refused');
    expect(refusing.read().keys).toEqual([]);
  });

  it('shows another account nothing of this one’s list', () => {
    let scope: string | null = SCOPE;
    const cache = accountScopedKeyCache(countedFile().file, () => scope, { writeDelayMs: 1_000 });
    cache.write(list('KEYAAAA'));
    scope = 'u:someone-else';
    expect(cache.read()).toEqual({ ...EMPTY_KEY_CACHE, scope: 'u:someone-else' });
    scope = null;
    expect(() => cache.write(list('KEYBBBB'))).toThrow(/Connect a Telnyx account/);
    cache.flush();
  });
});
