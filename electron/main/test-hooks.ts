import type { Menu, Notification, Rectangle } from 'electron';
import { globalShortcut } from 'electron';
import type { ToastText } from './toasts.js';

/** The name on `globalThis` under which an unpackaged app, asked to, exposes the hooks. */
export const TEST_HOOKS_GLOBAL = '__keytrayTestHooks';

/**
 * What the Electron end-to-end suite (`test/electron`) reaches through `electronApp.evaluate`, for the OS
 * surfaces Playwright cannot click: the tray icon, a system notification, a global shortcut. Each one runs
 * the app's own handler — the one Electron would call — never a shortcut around it.
 */
export type TestHooks = {
  /** Emits the tray icon's `click`, as a click on the icon does. */
  clickTray(): void;
  trayBounds(): Rectangle;
  /** The tray menu's labels as last drawn. */
  trayMenu(): string[];
  /** Runs the tray menu item's `click`, as choosing it does; false when no item has that label. */
  chooseTrayMenu(label: string): boolean;
  /** Every notification shown since start, oldest first. */
  notifications(): ToastText[];
  /** Emits `click` on the newest notification with this title; false when there is none. */
  clickNotification(title: string): boolean;
  /** Runs the global shortcut's handler, if the shortcut is registered with the OS right now. */
  pressShortcut(accelerator: string): boolean;
};

/**
 * Records what the hooks need as the app runs (toasts, the shortcut's handler) and exposes the hooks — only in
 * an unpackaged app started with `KEYTRAY_TEST_HOOKS=1`. A packaged build never installs them, whatever its
 * environment says. Main's globals are out of the renderer's reach (sandbox, context isolation).
 */
export function createTestHooks(options: {
  packaged: boolean;
  env: NodeJS.ProcessEnv;
  tray: () => {
    tray: { emit(event: 'click', ...args: unknown[]): boolean; getBounds(): Rectangle };
    menu(): Menu | null;
  } | null;
}) {
  const enabled = !options.packaged && options.env['KEYTRAY_TEST_HOOKS'] === '1';
  const toasts: { toast: Notification; text: ToastText }[] = [];
  const shortcuts = new Map<string, () => void>();

  const hooks: TestHooks = {
    clickTray() {
      const tray = options.tray()?.tray;
      tray?.emit('click', {}, tray.getBounds());
    },
    trayBounds: () => options.tray()?.tray.getBounds() ?? { x: 0, y: 0, width: 0, height: 0 },
    trayMenu: () =>
      (options.tray()?.menu()?.items ?? []).filter((item) => item.type !== 'separator').map((i) => i.label),
    chooseTrayMenu(label) {
      const item = options
        .tray()
        ?.menu()
        ?.items.find((entry) => entry.label === label);
      // Electron types `click` as a bare Function; it takes (event, focusedWindow, focusedWebContents).
      (item?.click as ((...args: unknown[]) => void) | undefined)?.({}, undefined, undefined);
      return item !== undefined;
    },
    notifications: () => toasts.map(({ text }) => ({ ...text })),
    clickNotification(title) {
      const shown = toasts.findLast(({ text }) => text.title === title);
      shown?.toast.emit('click', {});
      return shown !== undefined;
    },
    pressShortcut(accelerator) {
      const press = shortcuts.get(accelerator);
      if (!press || !globalShortcut.isRegistered(accelerator)) return false;
      press();
      return true;
    },
  };

  return {
    enabled,
    /** For the desktop adapter and the update notices: what to record. Undefined when the hooks are off. */
    observe: enabled
      ? {
          toast: (toast: Notification, text: ToastText) => void toasts.push({ toast, text }),
          shortcut: (accelerator: string, press: () => void) => void shortcuts.set(accelerator, press),
        }
      : undefined,
    /** Puts the hooks on `globalThis` (when enabled), once the tray and popup exist. */
    expose() {
      if (!enabled) return;
      Object.defineProperty(globalThis, TEST_HOOKS_GLOBAL, {
        value: Object.freeze(hooks),
        configurable: true,
      });
    },
  };
}
