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
 */
export function accountScopedState(
  file: DocumentStore<SettingsFile>,
  scopeOf: ScopeOf,
): DocumentStore<StoredState> {
  return {
    read() {
      const { preferences, account, accounts } = file.read();
      const scope = scopeOf();
      const data = (scope !== null ? accounts[scope] : undefined) ?? EMPTY_ACCOUNT_DATA;
      return { preferences, account, ...structuredClone(data) };
    },
    write(next) {
      const { preferences, account, ...data } = next;
      const current = file.read();
      const scope = scopeOf();
      if (scope === null) {
        if (!isDeepStrictEqual(data, EMPTY_ACCOUNT_DATA)) {
          throw new AppError('not-connected', 'Connect a Telnyx account first.');
        }
        file.write({ ...current, preferences, account });
        return;
      }
      const accounts = { ...current.accounts, [scope]: data satisfies AccountData };
      file.write({ ...current, preferences, account, accounts });
    },
  };
}

/** The key cache as the services see it: the connected account's list, or an empty one. */
export function accountScopedKeyCache(
  file: DocumentStore<KeyCache>,
  scopeOf: ScopeOf,
): DocumentStore<KeyCache> {
  return {
    read() {
      const cache = file.read();
      const scope = scopeOf();
      return scope !== null && cache.scope === scope ? cache : { ...EMPTY_KEY_CACHE, scope };
    },
    write(next) {
      const scope = scopeOf();
      if (scope === null) throw new AppError('not-connected', 'Connect a Telnyx account first.');
      file.write({ ...next, scope });
    },
  };
}
