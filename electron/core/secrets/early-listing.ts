import type { SecretStore } from './secret-store.js';

/** How long a listing asked for ahead of time answers for the store (Connect takes well under a second). */
const FRESH_MS = 5_000;

/**
 * The keychain, able to list its entries ahead of need. Listing them is a D-Bus round trip of 10–40 ms (the
 * Secret Service reads every matching item), and the popup cannot show its first rows before it knows which
 * keys Keytray holds. Connect asks for the listing as it starts (`listAhead`), so it runs while Telnyx answers;
 * the first `names()` within a few seconds gets it, kept up to date with the writes and deletes made through
 * this store since. A failed listing is not kept: `names()` then asks the keychain itself, as always.
 */
export function withEarlyListing(store: SecretStore): SecretStore & { listAhead(): void } {
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
      ahead = {
        at: Date.now(),
        names: store.names().then(
          (names) => new Set(names),
          () => null,
        ),
      };
    },
  };
}
