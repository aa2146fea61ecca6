import { KEY_ID_PATTERN, shortKeyId } from '../../common/key-id.js';
import type { CopyDone } from '../../common/models.js';
import type { Events } from '../events.js';
import type { CopyConfirmation, Desktop } from '../ports.js';

/** Long enough to read two short lines, short enough not to pile up when a developer copies all day. */
export const COPY_CONFIRMATION_MS = 4_000;

/**
 * What a copy is confirmed with: what was copied (a key by its short id, a token by its name) and when the
 * clipboard clears. Never the copied text itself.
 */
export function copyConfirmation(done: CopyDone): CopyConfirmation {
  const what = KEY_ID_PATTERN.test(done.label) ? shortKeyId(done.label) : done.label;
  return {
    title: `Copied ${what}`,
    body: done.clearsInSeconds
      ? `The clipboard clears in ${done.clearsInSeconds} s.`
      : 'It stays on the clipboard until you copy something else.',
    showForMs: COPY_CONFIRMATION_MS,
  };
}

/**
 * Every copy — from the popup, the tray menu, a replacement — goes through the `copied` event; each is
 * confirmed on the desktop from here, so both shells show the same words.
 */
export function confirmCopies(events: Events, desktop: Pick<Desktop, 'confirmCopy'>): () => void {
  return events.on('copied', (done) => desktop.confirmCopy(copyConfirmation(done)));
}
