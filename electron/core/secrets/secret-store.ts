/**
 * Where secrets live: the OS keychain in the app, memory in unit tests and for the demo account. Entries are
 * named `account` (the connected key), and per account (see `scoped-secret-store.ts`) `<scope>/key:<id>` (a v2
 * key's full value) and `<scope>/token:<uuid>` (a v1 token). Entries saved before accounts were told apart
 * (`key:<id>`, `token:<uuid>`) are moved under the first account that lists the key or connects, never deleted.
 * Implementations throw `AppError('keychain-unavailable')` when the store cannot be reached: callers never
 * fall back to anything weaker.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  get(name: string): Promise<string | null>;
  set(name: string, secret: string): Promise<void>;
  /** True if something was deleted. */
  delete(name: string): Promise<boolean>;
  names(): Promise<string[]>;
}

export const secretName = {
  account: 'account',
  key: (id: string) => `key:${id}`,
  token: (id: string) => `token:${id}`,
} as const;
