import type { EventName, EventPayload } from '../common/contract.js';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** The events main pushes to the popup; each shell subscribes once and forwards them. */
export function createEvents() {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  return {
    on<E extends EventName>(event: E, listener: Listener<E>): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as Listener<EventName>);
      return () => set.delete(listener as Listener<EventName>);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

export type Events = ReturnType<typeof createEvents>;
