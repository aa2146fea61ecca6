import type { Capabilities } from '../../common/models.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { TelnyxClient } from '../telnyx/client.js';

/** The connected account: who we are to Telnyx, where the keys' secrets go, what the API lets us do. */
export type Session = {
  mode: 'telnyx' | 'demo';
  keyId: string;
  /** Whose account this is (see `AccountScope`): everything Keytray stores about it is filed under this. */
  scope: string;
  client: TelnyxClient;
  /** A client for the same Telnyx with another key: to check a pasted secret before it is stored. */
  clientFor(apiKey: string): TelnyxClient;
  /** This account's part of the keychain; memory for the demo, whose keys are simulated. */
  keySecrets: SecretStore;
  /** The whole keychain, for adopting entries saved before accounts were told apart; null for the demo. */
  unscopedSecrets: SecretStore | null;
  capabilities: Capabilities;
};

export type CapabilityName = Exclude<keyof Capabilities, 'isOwner'>;
