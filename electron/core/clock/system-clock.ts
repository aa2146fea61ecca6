import type { Clock, TimerHandle } from '../ports.js';

/** The real clock. Long timers are chained: Node clamps delays above 2^31-1 ms to 1 ms. */
export function createSystemClock(): Clock {
  let nextId = 1;
  const timers = new Map<number, NodeJS.Timeout>();
  const MAX_DELAY = 2 ** 31 - 1;
  return {
    now: () => new Date(),
    setTimeout(callback, ms) {
      const handle: TimerHandle = { id: nextId++ };
      const due = Date.now() + ms;
      const arm = () => {
        const left = due - Date.now();
        timers.set(
          handle.id,
          setTimeout(
            () => {
              if (due - Date.now() > 0) return arm();
              timers.delete(handle.id);
              callback();
            },
            Math.min(Math.max(left, 0), MAX_DELAY),
          ).unref(),
        );
      };
      arm();
      return handle;
    },
    clearTimeout(handle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
  };
}
