import { DISABLE_UNDO_MS } from './hooks/use-pending-disables.js';

/** A key that was not turned off, and why, in Keytray's plain words. */
export type BulkFailure = { id: string; message: string };

/**
 * Where "Disable these keys…" is, once the person confirmed: the Undo window (nothing sent yet), sending one
 * key after another, finished (with any that failed), or undone.
 */
export type BulkState =
  | { phase: 'waiting'; total: number; secondsLeft: number }
  | { phase: 'sending'; total: number; done: number }
  | { phase: 'finished'; total: number; disabled: string[]; failed: BulkFailure[] }
  | { phase: 'undone'; total: number };

export type DisableOne = (id: string) => Promise<{ ok: true } | { ok: false; error: { message: string } }>;

/**
 * Turns `ids` off one by one after the same Undo window a single key's switch has (`DISABLE_UNDO_MS`): nothing
 * is sent before it has passed, and `undo()` within it sends nothing at all. One at a time, so progress is
 * real and a refusal (main checks each key again) costs only that key; every failure is kept with its reason.
 * A key that throws (the bridge itself failed) is a failure too, never the end of the run.
 */
export function startBulkDisable(options: {
  ids: readonly string[];
  disable: DisableOne;
  onChange: (state: BulkState) => void;
  undoMs?: number;
}): { undo(): boolean; stop(): void } {
  const { ids, disable } = options;
  const onChange = (state: BulkState) => {
    if (!stopped) options.onChange(state);
  };
  const undoMs = options.undoMs ?? DISABLE_UNDO_MS;
  const total = ids.length;
  const deadline = Date.now() + undoMs;
  let waiting = true;
  let stopped = false;
  const secondsLeft = () => Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
  onChange({ phase: 'waiting', total, secondsLeft: secondsLeft() });
  // Often enough that the countdown never reads a second late.
  const tick = setInterval(() => onChange({ phase: 'waiting', total, secondsLeft: secondsLeft() }), 250);

  async function send() {
    const disabled: string[] = [];
    const failed: BulkFailure[] = [];
    for (const id of ids) {
      if (stopped) return;
      onChange({ phase: 'sending', total, done: disabled.length + failed.length });
      try {
        const result = await disable(id);
        if (result.ok) disabled.push(id);
        else failed.push({ id, message: result.error.message });
      } catch {
        failed.push({ id, message: 'Keytray could not ask for this key to be turned off. Try again.' });
      }
    }
    onChange({ phase: 'finished', total, disabled, failed });
  }

  const timer = setTimeout(() => {
    waiting = false;
    clearInterval(tick);
    void send();
  }, undoMs);

  return {
    undo() {
      if (!waiting) return false;
      waiting = false;
      clearTimeout(timer);
      clearInterval(tick);
      onChange({ phase: 'undone', total });
      return true;
    },
    /**
     * The dialog went (another account was connected): nothing more is sent and nothing more is said — not
     * even an Undo's message. A key already on its way is answered by main for the account it was meant for.
     */
    stop() {
      stopped = true;
      waiting = false;
      clearTimeout(timer);
      clearInterval(tick);
    },
  };
}
