import { writeFile } from 'node:fs/promises';
import { app, clipboard, ClipboardItem, dialog, globalShortcut, Notification, shell } from 'electron';
import { LINKS } from '../common/contract.js';
import type { Desktop, DesktopNotification, Logger } from '../core/ports.js';
import type { PreferenceEffects } from '../core/settings/preferences.js';
import type { TrayModel } from '../core/tray-model/tray-model.js';
import { secretClipboardMarkers } from './clipboard-markers.js';
import { setLinuxAutostart } from './login-item.js';
import { notificationBody } from './native-text.js';
import { createToasts, type ToastObserver } from './toasts.js';

const ALLOWED_LINKS = new Set<string>(Object.values(LINKS));

/** The core's `Desktop` port on Electron: clipboard, notifications, tray, popup, links, shortcut, login. */
export function createElectronDesktop(deps: {
  logger: Logger;
  tray: () => { update(model: TrayModel): void } | null;
  popup: () => { open(filterKeyIds?: string[]): void; hide(): void } | null;
  onNotificationClick: (notification: DesktopNotification) => void;
  /** How Keytray ends (`quitting.ts`): after the core's quit check, and maybe into an update. */
  quit?: () => void;
  /** Tests pass another platform; notification bodies are escaped differently per platform. */
  platform?: NodeJS.Platform;
  /** The Electron end-to-end suite's hooks (`test-hooks.ts`): told of each toast and the shortcut's handler. */
  observe?: { toast?: ToastObserver; shortcut?: (accelerator: string, press: () => void) => void };
}): Desktop & PreferenceEffects {
  const platform = deps.platform ?? process.platform;
  const toasts = createToasts({ platform, ...(deps.observe?.toast ? { observe: deps.observe.toast } : {}) });
  return {
    async writeClipboard(text, { secret }) {
      if (!secret || text === '') return clipboard.writeText(text);
      await clipboard.write([new ClipboardItem({ 'text/plain': text, ...secretClipboardMarkers(platform) })]);
    },
    readClipboard: () => clipboard.readText(),
    notify(notification) {
      // Hidden silently under macOS Focus and Windows quiet hours: the tray and the popup's banner say it too.
      toasts.show(notification, () => deps.onNotificationClick(notification));
    },
    confirmCopy(confirmation) {
      // A short, silent notification on every platform that has them: a tray tooltip shows only on hover,
      // and a macOS tray title would crowd the menu bar. Closed by us after `showForMs`, and not kept with the
      // reminders: withdrawing those on an account change must not depend on it.
      if (!Notification.isSupported()) return;
      const toast = new Notification({
        title: confirmation.title,
        body: notificationBody(confirmation.body, platform),
        silent: true,
      });
      toast.show();
      setTimeout(() => toast.close(), confirmation.showForMs);
    },
    withdrawNotifications: () => toasts.withdrawAll(),
    quit: () => (deps.quit ?? (() => app.quit()))(),
    setTray: (model) => deps.tray()?.update(model),
    showPopup: (options) => deps.popup()?.open(options?.filterKeyIds),
    hidePopup: () => deps.popup()?.hide(),
    async saveTextFile(name, text) {
      const choice = await dialog.showSaveDialog({
        defaultPath: name,
        filters: [{ name: 'Calendar', extensions: ['ics'] }],
      });
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, text);
      return choice.filePath;
    },
    openExternal(url) {
      if (!ALLOWED_LINKS.has(url)) {
        deps.logger.warn('refused to open a link that is not on the allow-list', { url });
        return;
      }
      void shell.openExternal(url);
    },
    registerShortcut(accelerator) {
      globalShortcut.unregisterAll();
      if (accelerator === '') return true;
      const press = () => deps.popup()?.open();
      try {
        // False when another app holds it. On Wayland `register` may return true and never fire
        // (electron/electron#45607): Settings says so.
        const registered = globalShortcut.register(accelerator, press);
        if (registered) deps.observe?.shortcut?.(accelerator, press);
        return registered;
      } catch {
        return false;
      }
    },
    setLaunchAtLogin(enabled) {
      if (platform === 'linux') {
        void setLinuxAutostart(enabled, process.execPath).catch((error: unknown) =>
          deps.logger.warn('could not write the autostart entry', { error }),
        );
      } else {
        app.setLoginItemSettings({ openAtLogin: enabled });
      }
    },
  };
}
