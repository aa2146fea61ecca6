import type { Capabilities } from '../../common/models.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { TelnyxClient } from '../telnyx/client.js';

/** The connected account: who we are to Telnyx, where the keys' secrets go, what the API lets us do. */
export type Session = {
  mode: 'telnyx' | 'demo';
  keyId: string;
  client: TelnyxClient;
  /** The keychain for a real account; memory for the demo, whose keys are simulated. */
  keySecrets: SecretStore;
  capabilities: Capabilities;
};

export type CapabilityName = Exclude<keyof Capabilities, 'isOwner'>;
