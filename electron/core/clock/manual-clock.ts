import type { Clock, TimerHandle } from '../ports.js';

export type ManualClock = Clock & {
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void;
  set(now: Date): void;
};

/**
 * A clock that moves only when told. Tests use it directly; the preview shell's `/__test__/clock` route
 * moves it so reminders run as if that time had come.
 */
export function createManualClock(start: Date): ManualClock {
  let now = start.getTime();
  let nextId = 1;
  const timers = new Map<number, { due: number; callback: () => void }>();
  const runDue = () => {
    for (;;) {
      let first: [number, { due: number; callback: () => void }] | undefined;
      for (const entry of timers)
        if (entry[1].due <= now && (!first || entry[1].due < first[1].due)) first = entry;
      if (!first) return;
      timers.delete(first[0]);
      first[1].callback();
    }
  };
  return {
    now: () => new Date(now),
    setTimeout(callback, ms): TimerHandle {
      const handle = { id: nextId++ };
      timers.set(handle.id, { due: now + Math.max(0, ms), callback });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle.id);
    },
    advance(ms) {
      now += ms;
      runDue();
    },
    set(date) {
      now = date.getTime();
      runDue();
    },
  };
}
