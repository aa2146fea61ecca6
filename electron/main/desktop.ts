import { writeFile } from 'node:fs/promises';
import { app, clipboard, ClipboardItem, dialog, globalShortcut, Notification, shell } from 'electron';
import { LINKS } from '../common/contract.js';
import type { Desktop, DesktopNotification, Logger } from '../core/ports.js';
import type { PreferenceEffects } from '../core/settings/preferences.js';
import type { TrayModel } from '../core/tray-model/tray-model.js';
import { secretClipboardMarkers } from './clipboard-markers.js';
import { setLinuxAutostart } from './login-item.js';
import { notificationBody } from './native-text.js';

const ALLOWED_LINKS = new Set<string>(Object.values(LINKS));

/** The core's `Desktop` port on Electron: clipboard, notifications, tray, popup, links, shortcut, login. */
export function createElectronDesktop(deps: {
  logger: Logger;
  tray: () => { update(model: TrayModel): void } | null;
  popup: () => { open(filterKeyIds?: string[]): void; hide(): void } | null;
  onNotificationClick: (notification: DesktopNotification) => void;
  /** Tests pass another platform; notification bodies are escaped differently per platform. */
  platform?: NodeJS.Platform;
}): Desktop & PreferenceEffects {
  const platform = deps.platform ?? process.platform;
  // Notifications are kept referenced until closed, or the click handler can be collected.
  const shown = new Set<Notification>();
  return {
    async writeClipboard(text, { secret }) {
      if (!secret || text === '') return clipboard.writeText(text);
      await clipboard.write([new ClipboardItem({ 'text/plain': text, ...secretClipboardMarkers(platform) })]);
    },
    readClipboard: () => clipboard.readText(),
    notify(notification) {
      // macOS Focus and Windows quiet hours hide these silently (electron/electron#1494): the tray and the
      // popup's banner say the same thing.
      if (!Notification.isSupported()) return;
      const toast = new Notification({
        title: notification.title,
        body: notificationBody(notification.body, platform),
      });
      shown.add(toast);
      toast.on('click', () => deps.onNotificationClick(notification));
      toast.on('close', () => shown.delete(toast));
      toast.show();
    },
    withdrawNotifications() {
      // Electron does not promise a 'close' event for a programmatic close: forget them here.
      for (const toast of shown) toast.close();
      shown.clear();
    },
    quit: () => app.quit(),
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
      try {
        // False when another app holds it. On Wayland `register` may return true and never fire
        // (electron/electron#45607): Settings says so.
        return globalShortcut.register(accelerator, () => deps.popup()?.open());
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
