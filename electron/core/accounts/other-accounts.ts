import { shortKeyId } from '../../common/key-id.js';
import { AppError } from '../errors.js';
import { formatKey, formatToken } from '../keys/copy-formats.js';
import { scopedSecretStore } from '../secrets/scoped-secret-store.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';
import type { SettingsFile } from '../settings/stored-state.js';
import { defaultKeyLabel, type OtherAccountPins } from '../tray-model/tray-model.js';
import { accountIdOf } from './known-accounts.js';

/**
 * What the tray menu offers of the accounts that are not active: their pinned keys and tokens whose secret
 * the keychain holds (`<scope>/key:<id>`, `<scope>/token:<id>`), named by the pin's label, the key's name or
 * the token's name. The demo's keys live in memory, only while it is active: it offers none here.
 * `keychainNames`: every entry name in the keychain (one listing for all accounts).
 */
export function otherAccountPins(
  file: SettingsFile,
  activeScope: string | null,
  keychainNames: ReadonlySet<string>,
  /** The account's keys as last listed (for their tags), when Keytray has listed it this session. */
  keysOf: (scope: string) => readonly { id: string; tags: string[] }[] = () => [],
): OtherAccountPins[] {
  return file.known
    .filter((account) => account.mode === 'telnyx' && accountIdOf(account) !== activeScope)
    .map((account) => {
      const scope = accountIdOf(account);
      const data = file.accounts[scope];
      const items: OtherAccountPins['items'][number][] = [];
      for (const pin of data?.pins ?? []) {
        if (pin.kind === 'key') {
          if (!keychainNames.has(`${scope}/${secretName.key(pin.id)}`)) continue;
          const listed = keysOf(scope).find((k) => k.id === pin.id);
          const name = data?.names[pin.id] ?? null;
          const label = pin.label ?? defaultKeyLabel({ id: pin.id, tags: listed?.tags ?? [], name });
          items.push({ label, target: { kind: 'key', id: pin.id } });
        } else {
          const token = data?.tokens.find((t) => t.id === pin.id);
          if (!token || !keychainNames.has(`${scope}/${secretName.token(pin.id)}`)) continue;
          items.push({ label: pin.label ?? token.name, target: { kind: 'token', id: pin.id } });
        }
      }
      return { accountId: scope, name: account.name, items };
    });
}

/**
 * Copies a pinned item of an account that is not active, from that account's part of the keychain, without
 * switching to it: what choosing it in the tray menu does. Returns the value to put on the clipboard and the
 * label to confirm with ("Staging: billing …AB34").
 */
export async function secretOfOtherAccount(input: {
  file: SettingsFile;
  secrets: SecretStore;
  account: string;
  target: { kind: 'key' | 'token'; id: string };
}): Promise<{ text: string; label: string }> {
  const { file, target } = input;
  const known = file.known.find((k) => accountIdOf(k) === input.account && k.mode === 'telnyx');
  if (!known) throw new AppError('not-found', 'That account is no longer in Keytray.');
  const store = scopedSecretStore(input.secrets, input.account);
  if (target.kind === 'key') {
    const secret = await store.get(secretName.key(target.id));
    if (!secret) {
      throw new AppError(
        'not-found',
        `${known.name} no longer holds the full key of ${shortKeyId(target.id)}.`,
      );
    }
    return { text: formatKey(secret, 'raw'), label: `${known.name}: ${shortKeyId(target.id)}` };
  }
  const token = file.accounts[input.account]?.tokens.find((t) => t.id === target.id);
  const value = token ? await store.get(secretName.token(target.id)) : null;
  if (!token || !value) {
    throw new AppError(
      'not-found',
      `${known.name} no longer holds that V1 token. Remove it and add it again.`,
    );
  }
  return { text: formatToken(token.email, value, 'token'), label: `${known.name}: ${token.name}` };
}
