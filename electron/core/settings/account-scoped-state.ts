import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../errors.js';
import type { DocumentStore } from './json-store.js';
import {
  EMPTY_ACCOUNT_DATA,
  EMPTY_KEY_CACHE,
  type AccountData,
  type KeyCache,
  type SettingsFile,
  type StoredState,
} from './stored-state.js';

/** The connected account's scope, or null when none is connected (or it is not yet known). */
export type ScopeOf = () => string | null;

/**
 * The settings as the services see them: the connected account's pins, tokens, reminder log and planned
 * disables as if they were the only ones, so no service can read or write another account's. Without an
 * account those parts read empty, and writing anything into them is a bug (refused, not dropped).
 *
 * Reads in one synchronous run share one copy of the file (a key list reads pins, planned disables, names
 * and lead times one after the other, and each copy of a settings file with a long reminder log cost over a
 * millisecond): services treat what they read as read-only and write a new value, as they all do.
 */
export function accountScopedState(
  file: DocumentStore<SettingsFile>,
  scopeOf: ScopeOf,
): DocumentStore<StoredState> {
  let shared: SettingsFile | null = null;
  const current = () => {
    if (shared === null) {
      shared = file.read();
      queueMicrotask(() => (shared = null));
    }
    return shared;
  };
  return {
    read() {
      const { preferences, account, accounts } = current();
      const scope = scopeOf();
      const data = (scope !== null ? accounts[scope] : undefined) ?? EMPTY_ACCOUNT_DATA;
      return { preferences, account, ...(data === EMPTY_ACCOUNT_DATA ? structuredClone(data) : data) };
    },
    write(next) {
      shared = null;
      const { preferences, account, ...data } = next;
      const now = file.read();
      const scope = scopeOf();
      if (scope === null) {
        if (!isDeepStrictEqual(data, EMPTY_ACCOUNT_DATA)) {
          throw new AppError('not-connected', 'Connect a Telnyx account first.');
        }
        file.write({ ...now, preferences, account });
        return;
      }
      const accounts = { ...now.accounts, [scope]: data satisfies AccountData };
      file.write({ ...now, preferences, account, accounts });
    },
  };
}

/** The key cache as the services see it, plus `flush()` for quitting. */
export interface ScopedKeyCache extends DocumentStore<KeyCache> {
  /** Writes a list still waiting for the disk now (at quit). Never throws. */
  flush(): void;
  /** A removed account: its list goes, from memory and (if the file holds it) from disk. */
  forget(scope: string): void;
}

/** How long a new list waits before it goes to disk: past the paint of the list it brought. */
export const KEY_CACHE_WRITE_DELAY_MS = 1_000;

/**
 * The key cache as the services see it: the connected account's list, or an empty one.
 *
 * The list is read from the file once and then kept in memory, frozen: every sync, list, reminder check and
 * tray refresh reads it, and copying 10,000 records on each read cost tens of milliseconds every time. A
 * service that wants another list writes a new one (a caller mutating what it read gets a TypeError).
 *
 * A write changes the list in memory at once; the disk follows `writeDelayMs` later, off the path a person
 * waits on (checking and writing 10,000 records takes over 100 ms), and a burst of writes (connect, then the
 * first sync) reaches the disk once. A delayed write that is refused or fails is reported to `onWriteError`,
 * not thrown (its caller is gone): the list on screen stays right, only the copy kept for the next start is
 * missing; it is a cache, and the next sync refills it. Call `flush()` before quitting. With no delay (unit
 * tests) every write reaches the store before `write` returns.
 */
export function accountScopedKeyCache(
  file: DocumentStore<KeyCache>,
  scopeOf: ScopeOf,
  options: { writeDelayMs?: number; onWriteError?: (error: unknown) => void } = {},
): ScopedKeyCache {
  const delay = options.writeDelayMs ?? KEY_CACHE_WRITE_DELAY_MS;
  let held: KeyCache | null = null;
  /**
   * The lists of other accounts seen this session, by scope: switching back shows an account's keys at once
   * (the file on disk holds one account's list, the last one written).
   */
  const others = new Map<string, KeyCache>();
  let pending: KeyCache | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = pending;
    pending = null;
    if (!next) return;
    try {
      file.write(next);
    } catch (error) {
      options.onWriteError?.(error);
    }
  };

  return {
    read() {
      held ??= freezeList(file.read());
      const scope = scopeOf();
      if (scope !== null && held.scope === scope) return held;
      return (scope !== null ? others.get(scope) : undefined) ?? { ...EMPTY_KEY_CACHE, keys: [], scope };
    },
    write(next) {
      const scope = scopeOf();
      if (scope === null) throw new AppError('not-connected', 'Connect a Telnyx account first.');
      const value = { ...next, scope };
      if (held?.scope && held.scope !== scope) others.set(held.scope, held);
      others.delete(scope);
      // No delay: the disk first, and a refused list throws to the caller, as any store write does.
      if (delay <= 0) file.write(value);
      held = freezeList(value);
      if (delay <= 0) return;
      pending = held;
      timer ??= setTimeout(flush, delay);
      // A pending write must not keep a finished process alive; `flush()` at quit covers the last one.
      timer.unref?.();
    },
    flush,
    forget(scope) {
      others.delete(scope);
      if (pending?.scope === scope) pending = null;
      held ??= freezeList(file.read());
      if (held.scope !== scope) return;
      held = freezeList({ ...EMPTY_KEY_CACHE, keys: [] });
      try {
        file.write(held);
      } catch (error) {
        options.onWriteError?.(error);
      }
    },
  };
}

/**
 * Freezes the list and each record in it, so a service that changes a record it read fails loudly instead of
 * changing every other reader's list. (Not their tags arrays: three times the work, for a rarer mistake.)
 */
function freezeList(cache: KeyCache): KeyCache {
  for (const key of cache.keys) Object.freeze(key);
  Object.freeze(cache.keys);
  return Object.freeze(cache);
}
