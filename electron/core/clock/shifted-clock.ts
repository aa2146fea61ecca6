import type { Clock, TimerHandle } from '../ports.js';

export type ShiftedClock = Clock & {
  /** Moves "now" forward (or to an instant); timers that fall due fire at once, in order. */
  advance(ms: number): void;
  set(now: Date): void;
};

/**
 * Real time plus an offset: the preview shell's clock, so `/__test__/clock` can make reminders run as if a
 * day had passed while everything else keeps running in real time.
 */
export function createShiftedClock(): ShiftedClock {
  let offset = 0;
  let nextId = 1;
  const timers = new Map<number, { due: number; callback: () => void; real: NodeJS.Timeout | null }>();
  const now = () => Date.now() + offset;

  const arm = (id: number) => {
    const timer = timers.get(id);
    if (!timer) return;
    if (timer.real) clearTimeout(timer.real);
    const fire = () => {
      if (!timers.has(id)) return;
      if (timer.due > now()) return arm(id);
      timers.delete(id);
      timer.callback();
    };
    // Chain long delays: Node clamps anything above 2^31-1 ms to 1 ms.
    timer.real = setTimeout(fire, Math.min(Math.max(0, timer.due - now()), 2 ** 31 - 1));
    timer.real.unref();
  };

  const shiftTo = (target: number) => {
    offset += target - now();
    const due = [...timers.entries()].filter(([, t]) => t.due <= now()).sort((a, b) => a[1].due - b[1].due);
    for (const [id, timer] of due) {
      if (!timers.has(id)) continue;
      if (timer.real) clearTimeout(timer.real);
      timers.delete(id);
      timer.callback();
    }
    for (const id of timers.keys()) arm(id);
  };

  return {
    now: () => new Date(now()),
    setTimeout(callback, ms): TimerHandle {
      const id = nextId++;
      timers.set(id, { due: now() + Math.max(0, ms), callback, real: null });
      arm(id);
      return { id };
    },
    clearTimeout(handle) {
      const timer = timers.get(handle.id);
      if (timer?.real) clearTimeout(timer.real);
      timers.delete(handle.id);
    },
    advance: (ms) => shiftTo(now() + ms),
    set: (date) => shiftTo(date.getTime()),
  };
}
