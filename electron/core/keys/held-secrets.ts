import { shortKeyId } from '../../common/key-id.js';
import type { AccountService } from '../accounts/account-service.js';
import { AppError } from '../errors.js';
import type { Redactor } from '../logging/redact.js';
import type { Logger } from '../ports.js';
import { secretName } from '../secrets/secret-store.js';
import type { KeyRecord } from '../telnyx/unverified.js';

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
  const keychain = () => deps.accounts.session().keySecrets;

  /** The connected account's full keys held only in memory. */
  function unsaved(): Map<string, string> {
    const { scope } = deps.accounts.session();
    let map = unsavedByScope.get(scope);
    if (!map) unsavedByScope.set(scope, (map = new Map()));
    return map;
  }

  async function inKeychain(): Promise<Set<string>> {
    const store = keychain();
    if (held?.store !== store) {
      const names = await store.names().catch((error: unknown) => {
        deps.logger.warn('could not list keychain entries', { error });
        return [] as string[];
      });
      held = { store, ids: new Set(names.filter((n) => n.startsWith('key:')).map((n) => n.slice(4))) };
    }
    return held.ids;
  }

  return {
    unsaved,
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

    /** Entries `key:<id>` from before accounts were told apart move under the first account that lists the key. */
    async adoptLegacy(keys: KeyRecord[]): Promise<void> {
      const session = deps.accounts.session();
      const unscoped = session.unscopedSecrets;
      if (!unscoped) return;
      const listed = new Set(keys.map((k) => k.id));
      const legacy = (await unscoped.names())
        .filter((name) => name.startsWith('key:') && listed.has(name.slice(4)))
        .map((name) => name.slice(4));
      const ids = await inKeychain();
      for (const id of legacy) {
        if (ids.has(id)) continue; // this account already has its own copy: leave the older entry alone
        const value = await unscoped.get(secretName.key(id));
        if (value === null) continue;
        await session.keySecrets.set(secretName.key(id), value);
        if ((await session.keySecrets.get(secretName.key(id))) !== value) continue;
        await unscoped.delete(secretName.key(id));
        ids.add(id);
        deps.logger.info('older saved key adopted by the account', { id });
      }
    },

    /** Every account's full keys held only in memory: what quitting would lose. */
    all(): { scope: string; ids: string[] }[] {
      return [...unsavedByScope]
        .map(([scope, map]) => ({ scope, ids: [...map.keys()] }))
        .filter((entry) => entry.ids.length > 0);
    },

    /** Another account: re-read its keychain entries. What is held only in memory stays (see above). */
    reset() {
      held = null;
    },
  };
}

export type HeldSecrets = ReturnType<typeof createHeldSecrets>;
