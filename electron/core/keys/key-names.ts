import type { DocumentStore } from '../settings/json-store.js';
import type { StoredState } from '../settings/stored-state.js';

/**
 * Names people give keys on this device (`Rename…`). Telnyx keeps only tags, so "our Zapier integration" lives
 * here, per account, beside the pins. The contract checks a name as plain text before it gets here.
 */
export function createKeyNames(state: DocumentStore<StoredState>) {
  return {
    /** Every name, read once (a list of 10,000 keys asks once, not once per key). */
    all: (): Readonly<Record<string, string>> => state.read().names,
    of: (id: string): string | null => state.read().names[id] ?? null,
    /** Sets or, with null or an empty name, removes a key's name. */
    set(id: string, name: string | null) {
      const current = state.read();
      const names = { ...current.names };
      const trimmed = name?.trim() ?? '';
      if (trimmed) names[id] = trimmed;
      else if (id in names) delete names[id];
      else return;
      state.write({ ...current, names });
    },
    remove(id: string) {
      if (id in state.read().names) this.set(id, null);
    },
  };
}

export type KeyNames = ReturnType<typeof createKeyNames>;
