import type { SecretStore } from './secret-store.js';

/**
 * How long a listing asked for ahead of time answers for the store. Every write and delete Keytray makes goes
 * through this store and amends it; only a change made outside Keytray (a keychain app) could make it stale,
 * and then only until the next listing. Long enough for the seconds between a key being pasted (when the
 * listing is asked for, see `telnyx.preconnect`) and Connect.
 */
export const FRESH_MS = 30_000;

export type EarlyListing = SecretStore & {
  /** Lists the keychain now, for the next `names()`; a listing still fresh is kept instead. */
  listAhead(): void;
  /** The fresh listing (with the changes made since), without using it up; null when there is none. */
  listed(): Promise<ReadonlySet<string> | null>;
};

/**
 * The keychain, able to list its entries ahead of need. Listing them is a D-Bus round trip of 10–40 ms (the
 * Secret Service reads every matching item), and the popup cannot show its first rows before it knows which
 * keys Keytray holds. The listing is asked for when a key is pasted into Connect and again as Connect starts
 * if that one is gone (`listAhead`), so it is ready when Telnyx has answered: the first `names()` while it is
 * fresh gets it, kept up to date with the writes and deletes made through this store since. A failed listing
 * is not kept: `names()` then asks the keychain itself, as always.
 */
export function withEarlyListing(store: SecretStore): EarlyListing {
  let ahead: { at: number; names: Promise<Set<string> | null> } | null = null;
  const fresh = () => ahead !== null && Date.now() - ahead.at < FRESH_MS;
  /** Writes and deletes change a listing under way as they change the keychain. */
  const amend = (change: (names: Set<string>) => void) => {
    if (!fresh() || !ahead) return;
    ahead = { ...ahead, names: ahead.names.then((names) => (names && change(names), names)) };
  };
  return {
    kind: store.kind,
    get: (name) => store.get(name),
    async set(name, secret) {
      await store.set(name, secret);
      amend((names) => names.add(name));
    },
    async delete(name) {
      const deleted = await store.delete(name);
      amend((names) => names.delete(name));
      return deleted;
    },
    async names() {
      const listed = fresh() && ahead ? await ahead.names : null;
      ahead = null;
      return listed ? [...listed] : store.names();
    },
    listAhead() {
      if (fresh()) return;
      const at = Date.now();
      ahead = {
        at,
        names: store.names().then(
          (names) => new Set(names),
          () => {
            // Failed: the next `listAhead` (Connect's) asks again.
            if (ahead?.at === at) ahead = null;
            return null;
          },
        ),
      };
    },
    listed: async () => (fresh() && ahead ? ahead.names : null),
  };
}
