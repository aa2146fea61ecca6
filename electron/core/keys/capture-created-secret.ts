import type { Logger } from '../ports.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';

export type Captured = { saved: boolean; message: string };

/**
 * Rule 2 of the design: a new key's secret is shown once, so it goes to the keychain before anything else
 * happens. If the keychain refuses, the secret stays in `unsaved` (memory) so the person can still copy it,
 * and the message says plainly that it will be lost when Keytray quits.
 */
export async function captureCreatedSecret(input: {
  id: string;
  secret: string;
  store: SecretStore;
  unsaved: Map<string, string>;
  logger: Logger;
}): Promise<Captured> {
  try {
    await input.store.set(secretName.key(input.id), input.secret);
    return {
      saved: true,
      message:
        input.store.kind === 'keychain'
          ? 'Saved in your system keychain. Keytray can copy it for you any time.'
          : 'This demo key is kept in memory until Keytray quits.',
    };
  } catch (error) {
    input.unsaved.set(input.id, input.secret);
    input.logger.error('new key could not be saved to the keychain; held in memory', { id: input.id, error });
    return {
      saved: false,
      message:
        'Keytray could not save this key in the system keychain. Copy it now and keep it somewhere safe: it will be lost when Keytray quits.',
    };
  }
}
