import { shortKeyId } from '../../common/key-id.js';
import type { AccountService } from '../accounts/account-service.js';
import { AppError } from '../errors.js';
import type { Redactor } from '../logging/redact.js';
import type { Logger } from '../ports.js';
import { secretName } from '../secrets/secret-store.js';
import type { KeyRecord } from '../telnyx/unverified.js';
import type { Session } from '../accounts/session.js';

/**
 * The full keys Keytray holds for the connected account: in its part of the keychain, or — when the keychain
 * refused one — in memory until quit. Those in memory are kept per account scope, so they survive Disconnect and
 * a failed connect (connecting the same account again shows them), and every action that would drop them can
 * say so (`all()`).
 */
export function createHeldSecrets(deps: { accounts: AccountService; logger: Logger; redactor: Redactor }) {
  const unsavedByScope = new Map<string, Map<string, string>>();
  /** Ids whose secret the session's store holds; read once per session, then kept in step. */
  let held: { store: unknown; ids: Set<string> } | null = null;
  let listing: { store: unknown; ids: Promise<Set<string> | null> } | null = null;
  const keychain = () => deps.accounts.session().keySecrets;

  /** One account's full keys held only in memory. */
  function unsavedFor(scope: string): Map<string, string> {
    let map = unsavedByScope.get(scope);
    if (!map) unsavedByScope.set(scope, (map = new Map()));
    return map;
  }
  /** The connected account's full keys held only in memory. */
  const unsaved = () => unsavedFor(deps.accounts.session().scope);

  /**
   * Ids of the keys whose full key the connected account's keychain holds, listed once per session. A failed
   * listing (a keychain still locked at start) is not kept: it would read as "holds nothing" all session.
   */
  async function inKeychain(): Promise<Set<string>> {
    const store = keychain();
    if (held?.store === store) return held.ids;
    // One listing at a time, shared by whoever asks meanwhile (Connect starts one, and the popup's first list
    // asks right after): each is a D-Bus round trip of ~10 ms on the way to the first rows.
    if (listing?.store !== store) {
      const ids = store.names().then(
        (names) => new Set(names.filter((n) => n.startsWith('key:')).map((n) => n.slice(4))),
        (error: unknown) => {
          deps.logger.warn('could not list keychain entries', { error });
          return null;
        },
      );
      listing = { store, ids };
    }
    const asked = listing;
    const ids = await asked.ids;
    if (ids === null) {
      // Not kept (see above): the next call asks the keychain again.
      if (listing === asked) listing = null;
      return new Set();
    }
    if (held?.store !== store && keychain() === store) held = { store, ids };
    return held?.store === store ? held.ids : ids;
  }

  return {
    unsaved,
    unsavedFor,
    inKeychain,

    /** Asks the keychain itself, not the cached set: a check that guards against overwriting must not be stale. */
    async holds(id: string): Promise<boolean> {
      if (unsaved().has(id)) return true;
      return (await keychain().get(secretName.key(id))) !== null;
    },

    /** The full key, for the clipboard or an explicit reveal; a plain refusal when Keytray does not hold it. */
    async secretOf(id: string): Promise<string> {
      const secret = unsaved().get(id) ?? (await keychain().get(secretName.key(id)));
      if (!secret) {
        throw new AppError(
          'not-found',
          `Keytray does not hold the full key of ${shortKeyId(id)}. Use "Save the full key" to paste it.`,
        );
      }
      deps.redactor.remember(secret);
      return secret;
    },

    /** Into the keychain (replacing what it holds for the key: callers decide whether that is allowed). */
    async save(id: string, secret: string): Promise<void> {
      await keychain().set(secretName.key(id), secret);
      (await inKeychain()).add(id);
      unsaved().delete(id);
    },

    /** Keytray's copy goes; a key held only in memory is there because the keychain refused it: not asked again. */
    async forget(id: string): Promise<void> {
      if (!unsaved().delete(id)) await keychain().delete(secretName.key(id));
      (await inKeychain()).delete(id);
    },

    /** The key is gone at Telnyx: its secret is worthless, wherever it is. */
    async drop(id: string): Promise<void> {
      await keychain()
        .delete(secretName.key(id))
        .catch(() => false);
      (await inKeychain()).delete(id);
      unsaved().delete(id);
    },

    /**
     * Entries `key:<id>` from before accounts were told apart move under the first account that lists the key.
     * `session` is the one whose list this is: never whichever account is connected when the list arrives.
     */
    async adoptLegacy(session: Session, keys: KeyRecord[]): Promise<void> {
      const unscoped = session.unscopedSecrets;
      if (!unscoped) return;
      const listed = new Set(keys.map((k) => k.id));
      const legacy = (await unscoped.names())
        .filter((name) => name.startsWith('key:') && listed.has(name.slice(4)))
        .map((name) => name.slice(4));
      for (const id of legacy) {
        // This account already has its own copy (asked of the keychain itself): leave the older entry alone.
        if ((await session.keySecrets.get(secretName.key(id))) !== null) continue;
        const value = await unscoped.get(secretName.key(id));
        if (value === null) continue;
        await session.keySecrets.set(secretName.key(id), value);
        if ((await session.keySecrets.get(secretName.key(id))) !== value) continue;
        await unscoped.delete(secretName.key(id));
        if (held?.store === session.keySecrets) held.ids.add(id);
        deps.logger.info('older saved key adopted by the account', { id });
      }
    },

    /** Every account's full keys held only in memory: what quitting would lose. */
    all(): { scope: string; ids: string[] }[] {
      return [...unsavedByScope]
        .map(([scope, map]) => ({ scope, ids: [...map.keys()] }))
        .filter((entry) => entry.ids.length > 0);
    },

    /** A removed account: its full keys held only in memory go too (the person was shown them first). */
    forgetAccount(scope: string) {
      unsavedByScope.delete(scope);
    },

    /** Another account: re-read its keychain entries. What is held only in memory stays (see above). */
    reset() {
      held = null;
      listing = null;
    },
  };
}

export type HeldSecrets = ReturnType<typeof createHeldSecrets>;
