import type { DocumentStore } from '../settings/json-store.js';
import type { ScheduledDisable, StoredState } from '../settings/stored-state.js';

/**
 * Disables planned when a key was replaced ("disable the old key in 24 hours"). Persisted, so a restart
 * keeps the plan; cancelled when the person re-enables or deletes the old key.
 */
export function createDisableSchedule(state: DocumentStore<StoredState>) {
  const write = (next: ScheduledDisable[]) => state.write({ ...state.read(), scheduledDisables: next });
  return {
    list: () => state.read().scheduledDisables,
    at: (keyId: string) => state.read().scheduledDisables.find((s) => s.keyId === keyId)?.at ?? null,
    plan(entry: ScheduledDisable) {
      write([...state.read().scheduledDisables.filter((s) => s.keyId !== entry.keyId), entry]);
    },
    cancel(keyId: string) {
      const current = state.read().scheduledDisables;
      if (current.some((s) => s.keyId === keyId)) write(current.filter((s) => s.keyId !== keyId));
    },
    due: (now: Date) => state.read().scheduledDisables.filter((s) => Date.parse(s.at) <= now.getTime()),
  };
}

export type DisableSchedule = ReturnType<typeof createDisableSchedule>;
