import type { CopyConfirmation, Desktop, DesktopNotification } from '../core/ports.js';
import type { PreferenceEffects } from '../core/settings/preferences.js';
import type { TrayModel } from '../core/tray-model/tray-model.js';
import type { EventStream } from './event-stream.js';

/**
 * The simulated desktop: a clipboard, a notification centre, a tray and a popup, all drawn by the desktop
 * page in the browser. Every change is pushed to that page over `desktopEvents`.
 */
export function createPreviewDesktop(
  desktopEvents: EventStream,
  onPopupShown: () => void,
  onQuit: () => void = () => {},
) {
  const state = {
    clipboard: '',
    clipboardMarkedSecret: false,
    notifications: [] as (DesktopNotification & { at: string })[],
    /** The last copy confirmed: the page shows it beside the tray icon, as a macOS tray title would. */
    copyConfirmation: null as CopyConfirmation | null,
    tray: null as TrayModel | null,
    popupVisible: false,
    popupFilter: null as string[] | null,
    opened: [] as string[],
    saved: [] as string[],
    shortcut: '',
    launchAtLogin: false,
  };

  const setPopup = (visible: boolean, filterKeyIds: string[] | null = null) => {
    const wasVisible = state.popupVisible;
    state.popupVisible = visible;
    state.popupFilter = filterKeyIds;
    desktopEvents.send('popup', { visible, filterKeyIds });
    if (visible && !wasVisible) onPopupShown();
  };

  const desktop: Desktop & PreferenceEffects = {
    async writeClipboard(text, { secret }) {
      state.clipboard = text;
      state.clipboardMarkedSecret = secret;
    },
    readClipboard: async () => state.clipboard,
    notify(notification) {
      state.notifications.push({ ...notification, at: new Date().toISOString() });
      desktopEvents.send('notifications', state.notifications);
    },
    confirmCopy(confirmation) {
      state.copyConfirmation = confirmation;
      desktopEvents.send('copied', confirmation);
    },
    withdrawNotifications() {
      state.notifications = [];
      desktopEvents.send('notifications', state.notifications);
    },
    quit: () => onQuit(),
    setTray(model) {
      state.tray = model;
      desktopEvents.send('tray', model);
    },
    showPopup: (options) => setPopup(true, options?.filterKeyIds ?? null),
    hidePopup: () => setPopup(false),
    async saveTextFile(name, text) {
      // As a browser saves a file: a download from the desktop page, which asks where (or uses the browser's
      // downloads folder, as the person set it). The text is an export without secrets (a calendar).
      state.saved.push(name);
      desktopEvents.send('download', { name, text });
      return `${name} in your browser’s downloads`;
    },
    openExternal(url) {
      state.opened.push(url);
      desktopEvents.send('opened', { url });
    },
    registerShortcut(accelerator) {
      state.shortcut = accelerator;
      return true;
    },
    setLaunchAtLogin(enabled) {
      state.launchAtLogin = enabled;
    },
  };
  return { desktop, state, setPopup };
}

export type PreviewDesktop = ReturnType<typeof createPreviewDesktop>;
