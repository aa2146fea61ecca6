import { useEffect, type RefObject } from 'react';
import type { KeyCopyFormat } from '../../electron/common/channels.js';
import { keytray } from '../bridge.js';
import { useAnnounce } from './use-announcer.js';

/** Said after "curl command" is copied: the command holds no key, it reads the variable. */
const CURL_PAIRING = ' as a curl command; it reads $TELNYX_API_KEY, which Copy as… Environment variable sets';

/**
 * What main tells the main view: copies (from the popup or the tray: one path, one message), the clipboard
 * clearing, a reminder clicked, and the popup shown again. Each show starts clean (`onShown`: no stale search
 * or filter); a reminder's click comes after its show, so the filter it sets stays.
 */
export function usePopupEvents(handlers: {
  /** The format of the copy this popup just asked for: the `copied` event that follows does not say it. */
  copyFormat: RefObject<KeyCopyFormat | null>;
  onShown: (view: 'main' | 'settings' | 'quit') => void;
  onReminderClicked: (keyIds: string[]) => void;
}) {
  const announce = useAnnounce();
  const { copyFormat, onShown, onReminderClicked } = handlers;
  useEffect(() => {
    const offCopied = keytray.on('copied', ({ label, clearsInSeconds }) => {
      const curl = copyFormat.current === 'curl';
      copyFormat.current = null;
      announce(
        `Copied ${label}${curl ? CURL_PAIRING : ''}${clearsInSeconds ? ` — clipboard clears in ${clearsInSeconds} s` : ''}`,
      );
    });
    const offCleared = keytray.on('clipboard.cleared', () => announce('Clipboard cleared'));
    const offClicked = keytray.on('notification.clicked', ({ keyIds }) => onReminderClicked(keyIds));
    const offShown = keytray.on('popup.shown', ({ view }) => onShown(view));
    return () => (offCopied(), offCleared(), offClicked(), offShown());
  }, [announce, copyFormat, onShown, onReminderClicked]);
}
