import { createHash } from 'node:crypto';
import type { Clock, Desktop, TimerHandle } from '../ports.js';

/**
 * The one way Keytray puts a secret on the clipboard (a second path that skipped the clear timer was
 * keepassxc#10524). The copy is marked secret for clipboard history, and cleared after the chosen seconds,
 * or at quit, but only if the clipboard still holds what Keytray wrote: a person's own later copy is never
 * wiped. Only a hash of the text is kept to make that comparison.
 */
export function createSecureClipboard(deps: {
  desktop: Desktop;
  clock: Clock;
  clearAfterSeconds: () => number;
  onCleared: () => void;
}) {
  let pending: { hash: string; timer: TimerHandle | null } | null = null;
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');

  const clearIfStillOurs = async () => {
    const copied = pending;
    if (!copied) return;
    pending = null;
    if (copied.timer) deps.clock.clearTimeout(copied.timer);
    if (hash(await deps.desktop.readClipboard()) !== copied.hash) return;
    await deps.desktop.writeClipboard('', { secret: false });
    deps.onCleared();
  };

  return {
    /** Returns the seconds until it clears, or null when the person chose never. */
    async copy(text: string): Promise<number | null> {
      if (pending?.timer) deps.clock.clearTimeout(pending.timer);
      pending = null;
      await deps.desktop.writeClipboard(text, { secret: true });
      const seconds = deps.clearAfterSeconds();
      pending = {
        hash: hash(text),
        timer: seconds > 0 ? deps.clock.setTimeout(() => void clearIfStillOurs(), seconds * 1000) : null,
      };
      return seconds > 0 ? seconds : null;
    },
    /** At quit: Wayland may not let a background app clear later (keepassxc#4578). */
    clearNow: clearIfStillOurs,
  };
}

export type SecureClipboard = ReturnType<typeof createSecureClipboard>;
