import { Notification } from 'electron';
import { notificationBody } from './native-text.js';

/** What a toast says. The body is plain text; it is escaped here for the platforms that read markup. */
export type ToastText = { title: string; body: string };

/** Told of every toast shown: the Electron end-to-end suite's hooks click them (`test-hooks.ts`). */
export type ToastObserver = (toast: Notification, text: ToastText) => void;

/**
 * System notifications, each with its own click handler. macOS Focus and Windows quiet hours hide them
 * silently (electron/electron#1494), so nothing may rest on a toast alone: the tray and the popup say the same.
 */
export function createToasts(options: { platform: NodeJS.Platform; observe?: ToastObserver }) {
  // Kept referenced until closed, or the click handler can be collected with the object.
  const shown = new Set<Notification>();
  return {
    show(text: ToastText, onClick: () => void): void {
      if (!Notification.isSupported()) return;
      const toast = new Notification({
        title: text.title,
        body: notificationBody(text.body, options.platform),
      });
      shown.add(toast);
      toast.on('click', onClick);
      toast.on('close', () => shown.delete(toast));
      options.observe?.(toast, text);
      toast.show();
    },
    /** Takes back every toast still on screen. */
    withdrawAll(): void {
      // Electron does not promise a 'close' event for a programmatic close: forget them here.
      for (const toast of shown) toast.close();
      shown.clear();
    },
  };
}

export type Toasts = ReturnType<typeof createToasts>;
