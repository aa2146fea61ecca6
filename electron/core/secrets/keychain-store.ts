import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { AppError } from '../errors.js';
import type { SecretStore } from './secret-store.js';

export const DEFAULT_KEYCHAIN_SERVICE = 'Keytray';

/** Long enough for a person to answer an unlock prompt; short enough that a wedged daemon ends in a message. */
const KEYCHAIN_TIMEOUT_MS = 60_000;

const UNAVAILABLE_MESSAGE =
  'Keytray could not reach the system keychain, so nothing was stored. ' +
  (process.platform === 'linux'
    ? // Said as what to start: on a desktop session it usually runs already; elsewhere the person starts one.
      'On Linux it needs a running, unlocked Secret Service: start GNOME Keyring (gnome-keyring-daemon) or KWallet, unlock it, and try again.'
    : 'Check that the keychain is unlocked and that Keytray may use it, and try again.');

/**
 * The OS keychain through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Secret Service on
 * Linux). Async entries, so a slow unlock prompt never blocks the main process. There is no fallback: if the
 * keychain is unreachable the call fails with `keychain-unavailable` (unlike Electron's `safeStorage`, which
 * silently uses a hard-coded key on Linux: electron/electron#39789).
 */
export function createKeychainStore(service: string = DEFAULT_KEYCHAIN_SERVICE): SecretStore {
  const entry = (name: string) => new AsyncEntry(service, name);
  const call = async <T>(operation: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    try {
      return await operation(AbortSignal.timeout(KEYCHAIN_TIMEOUT_MS));
    } catch (error) {
      throw new AppError('keychain-unavailable', UNAVAILABLE_MESSAGE, {
        cause: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return {
    kind: 'keychain',
    get: (name) => call((signal) => entry(name).getPassword(signal)),
    set: (name, secret) => call((signal) => entry(name).setPassword(secret, signal)),
    delete: (name) => call((signal) => entry(name).deletePassword(signal)),
    names: () =>
      call(async (signal) => (await findCredentialsAsync(service, null, signal)).map((c) => c.account)),
  };
}
