import { MAX_PINS } from '../../common/models.js';
import { AppError } from '../errors.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { StoredState } from '../settings/stored-state.js';

/** Pinned keys and tokens: the quick-copy items of the tray menu, at most nine. */
export function createPins(state: DocumentStore<StoredState>) {
  return {
    list: () => state.read().pins,
    has: (kind: 'key' | 'token', id: string) => state.read().pins.some((p) => p.kind === kind && p.id === id),
    label: (kind: 'key' | 'token', id: string) =>
      state.read().pins.find((p) => p.kind === kind && p.id === id)?.label ?? null,
    /** Pins (or renames a pin): `label` undefined keeps the current name, null or '' resets it. */
    add(kind: 'key' | 'token', id: string, label?: string | null) {
      const current = state.read();
      const existing = current.pins.find((p) => p.kind === kind && p.id === id);
      const name = label === undefined ? (existing?.label ?? null) : label?.trim() || null;
      if (existing) {
        state.write({
          ...current,
          pins: current.pins.map((p) => (p === existing ? { ...p, label: name } : p)),
        });
        return;
      }
      if (current.pins.length >= MAX_PINS) {
        throw new AppError('rejected', `You can pin up to ${MAX_PINS} keys and tokens. Unpin one first.`);
      }
      state.write({ ...current, pins: [...current.pins, { kind, id, label: name }] });
    },
    remove(kind: 'key' | 'token', id: string) {
      const current = state.read();
      state.write({ ...current, pins: current.pins.filter((p) => !(p.kind === kind && p.id === id)) });
    },
  };
}

export type Pins = ReturnType<typeof createPins>;
