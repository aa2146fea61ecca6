import type { SecretStore } from './secret-store.js';

/**
 * One account's view of the keychain: every entry name is prefixed with the account's scope
 * (`u:…/key:KEY…`), and `names()` lists only that account's entries, without the prefix. So a service that
 * holds a session's store cannot list, read or overwrite another account's secrets.
 */
export function scopedSecretStore(store: SecretStore, scope: string): SecretStore {
  const prefix = `${scope}/`;
  return {
    kind: store.kind,
    get: (name) => store.get(prefix + name),
    set: (name, secret) => store.set(prefix + name, secret),
    delete: (name) => store.delete(prefix + name),
    async names() {
      return (await store.names()).filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length));
    },
  };
}
