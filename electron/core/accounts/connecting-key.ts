import type { Logger } from '../ports.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';

/**
 * Before several accounts, the connected key lived in the keychain as `account`; now each account's lives
 * under its scope (`<scope>/account`). Moves it without ever losing it: the copy is written, read back and
 * compared, and only then is the old entry removed — and only if it still holds this very key. A failure at
 * any step leaves the old entry where it was (the next start tries again) and is not the person's problem.
 */
export async function moveConnectingKey(input: {
  /** The whole keychain, where the old `account` entry is. */
  secrets: SecretStore;
  /** The account's part of it. */
  scoped: SecretStore;
  /** The account's connecting key, as the account was just restored with. */
  value: string;
  logger: Logger;
}): Promise<void> {
  const { secrets, scoped, value, logger } = input;
  try {
    const old = await secrets.get(secretName.account);
    if ((await scoped.get(secretName.account)) !== value) {
      await scoped.set(secretName.account, value);
      if ((await scoped.get(secretName.account)) !== value) {
        logger.warn('the connecting key did not read back from its new keychain entry; the old one stays');
        return;
      }
    }
    if (old === value) {
      await secrets.delete(secretName.account);
      logger.info('connecting key moved to its account’s keychain entry');
    }
  } catch (error) {
    logger.warn('could not move the connecting key to its account’s keychain entry; the old one stays', {
      error,
    });
  }
}

/** The connecting key kept while the rest of the key list is on its way (see `keepAhead`). */
export type KeptAhead = {
  /**
   * True once both entries hold the key under `scope`. False when nothing was written ahead (or what was is
   * undone again: another scope, a keychain error): Connect then writes them after the list, as always.
   */
  kept(scope: string): Promise<boolean>;
  /** Connect failed: the entries written ahead that were not there before go again. */
  undo(): Promise<void>;
};

/**
 * Connect keeps the connecting key in the keychain (as a key of its account, and as the account's
 * `<scope>/account`) as soon as a page of the key list says whose account it is, while the later pages are on
 * their way: the last page then waits for no keychain write. Only where undoing that needs no earlier value,
 * since a Connect that fails changes nothing: the listing taken ahead shows neither entry, or the account is
 * known with this very key (its entries hold this key already). Otherwise nothing is written ahead.
 */
export function keepAhead(input: {
  /** The whole keychain. */
  secrets: SecretStore;
  /** Its entries as listed ahead (null: no such listing, so nothing is written ahead). */
  listed: Promise<ReadonlySet<string> | null>;
  scope: string;
  keyId: string;
  value: string;
  /** The account is known with this very key. */
  knownWithThisKey: boolean;
  logger: Logger;
}): KeptAhead {
  const { secrets, scope, value, logger } = input;
  const entries = [`${scope}/${secretName.key(input.keyId)}`, `${scope}/${secretName.account}`];
  /** The entries written ahead that were not there before: undone if Connect fails. */
  const added: string[] = [];
  const undo = async () => {
    for (const name of added.splice(0)) {
      await secrets.delete(name).catch((error: unknown) => {
        logger.warn('could not remove a key written ahead for a Connect that failed', { error });
      });
    }
  };
  const written = (async (): Promise<boolean> => {
    const names = await input.listed;
    if (!names) return false;
    const [keyEntry, accountEntry] = entries as [string, string];
    if (names.has(accountEntry) && !input.knownWithThisKey) return false;
    try {
      for (const name of [keyEntry, accountEntry]) {
        if (!names.has(name)) added.push(name);
        await secrets.set(name, value);
      }
      return true;
    } catch (error) {
      logger.warn('could not keep the connecting key ahead; it is kept after the key list', { error });
      await undo();
      return false;
    }
  })();
  return {
    async kept(at) {
      const done = await written;
      if (done && at !== scope) await undo();
      return done && at === scope;
    },
    async undo() {
      await written;
      await undo();
    },
  };
}
