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
