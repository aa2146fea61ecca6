import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useAnnounce } from './use-announcer.js';

/**
 * How long a switched-off key waits before Keytray tells Telnyx. The switch sits beside Copy: a slip must be
 * undoable, and an Undo that re-enabled the key would already have broken what uses it for a moment, so
 * nothing is sent until this window has passed.
 */
export const DISABLE_UNDO_MS = 5_000;

type Pending = { deadline: number; sending: boolean };
/** One key's pending disable, as its row shows it. */
export type PendingDisable = { secondsLeft: number; sending: boolean; undo: () => void };

type PendingDisables = {
  /** Starts the Undo window for `id`; `send` is called once it has passed (not if undone). */
  start(id: string, send: () => Promise<void>): void;
  /** Undoes a pending disable: true if there was one (then nothing was, or will be, sent). */
  undo(id: string): boolean;
  pendingFor(id: string): PendingDisable | null;
};

const Context = createContext<PendingDisables>({
  start: (_id, send) => void send(),
  undo: () => false,
  pendingFor: () => null,
});

/**
 * The disables waiting out their Undo window, for the whole key list (rows come and go as it scrolls, the
 * window must not). Below the account's announcer, so a new account (a fresh tree) drops them unsent: a
 * disable meant for the previous account must never reach the next one.
 */
export function PendingDisablesProvider({ children }: { children: ReactNode }) {
  const announce = useAnnounce();
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [now, setNow] = useState(() => Date.now());

  // The countdown on the rows, ticking while anything waits (often enough that a second never reads late).
  useEffect(() => {
    if (pending.size === 0) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [pending.size]);
  useEffect(() => {
    const running = timers.current;
    return () => running.forEach((timer) => clearTimeout(timer));
  }, []);

  const update = (id: string, next: Pending | null) =>
    setPending((map) => {
      const copy = new Map(map);
      if (next) copy.set(id, next);
      else copy.delete(id);
      return copy;
    });

  const start = useCallback((id: string, send: () => Promise<void>) => {
    clearTimeout(timers.current.get(id));
    setNow(Date.now());
    update(id, { deadline: Date.now() + DISABLE_UNDO_MS, sending: false });
    timers.current.set(
      id,
      setTimeout(() => {
        timers.current.delete(id);
        update(id, { deadline: Date.now(), sending: true });
        // Cleared only once the answer (and the list it changed) is in: the switch never flicks back on.
        void send().finally(() => update(id, null));
      }, DISABLE_UNDO_MS),
    );
  }, []);

  const undo = useCallback(
    (id: string) => {
      const timer = timers.current.get(id);
      if (timer === undefined) return false;
      clearTimeout(timer);
      timers.current.delete(id);
      update(id, null);
      announce(`Undone: ${id} stays on`);
      return true;
    },
    [announce],
  );

  const value = useMemo<PendingDisables>(
    () => ({
      start,
      undo,
      pendingFor(id) {
        const entry = pending.get(id);
        if (!entry) return null;
        return {
          secondsLeft: Math.max(0, Math.ceil((entry.deadline - now) / 1000)),
          sending: entry.sending,
          undo: () => void undo(id),
        };
      },
    }),
    [pending, now, start, undo],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const usePendingDisables = () => useContext(Context);
