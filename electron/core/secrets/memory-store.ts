import type { SecretStore } from './secret-store.js';

/** For unit tests and the demo account, whose keys are simulated and end with the session. */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore & {
  /** Makes every later call fail as an unreachable keychain does. */
  breakWith(error: Error | null): void;
} {
  const entries = new Map(Object.entries(initial));
  let broken: Error | null = null;
  const guard = () => {
    if (broken) throw broken;
  };
  return {
    kind: 'memory',
    breakWith(error) {
      broken = error;
    },
    async get(name) {
      guard();
      return entries.get(name) ?? null;
    },
    async set(name, secret) {
      guard();
      entries.set(name, secret);
    },
    async delete(name) {
      guard();
      return entries.delete(name);
    },
    async names() {
      guard();
      return [...entries.keys()];
    },
  };
}
