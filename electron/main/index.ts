import { join } from 'node:path';
import { app, powerMonitor, session } from 'electron';
import { composeNodeCore } from '../core/compose-node.js';
import type { DesktopNotification, Logger } from '../core/ports.js';
import { handleAppScheme, registerAppScheme, RENDERER_URL } from './app-protocol.js';
import { createElectronDesktop } from './desktop.js';
import { openElectronStoreFile } from './electron-store-file.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { openMainLog } from './main-log.js';
import { createPopupWindow, type PopupWindow } from './popup-window.js';
import { setupQuitting, type Quitting } from './quitting.js';
import { createSenderCheck, hardenSession, installSecurityHooks } from './security.js';
import { logUncaughtErrors, startOrExplain } from './start-up.js';
import { createTestHooks } from './test-hooks.js';
import { createToasts } from './toasts.js';
import { setupTray, type AppTray } from './tray.js';
import { loadUpdater, setupUpdates, updateFeedFile, type Updates } from './updates.js';

/**
 * The composition root of the Electron shell. Thin on purpose: the core does the work; this file wires it
 * to Electron, one `setupX()` per feature, handlers before the window.
 */
const APP_ID = 'com.keytray.app';
const here = import.meta.dirname;
const rendererDir = join(here, '..', 'renderer');
const preload = join(here, '..', 'preload', 'index.cjs');
const iconDir = app.isPackaged
  ? join(process.resourcesPath, 'tray')
  : join(here, '..', '..', 'build', 'tray');

// Tests (and only an unpackaged app) may point Keytray at a throwaway settings folder; its log goes there too.
if (!app.isPackaged && process.env['KEYTRAY_USER_DATA']) {
  app.setPath('userData', process.env['KEYTRAY_USER_DATA']);
  app.setAppLogsPath(join(process.env['KEYTRAY_USER_DATA'], 'logs'));
}

// The log first, so that anything after it that fails is written down. Once the core exists its logger
// (which also redacts the secrets it has seen) takes over.
const log = openMainLog();
let logger: Logger = log.logger;
logUncaughtErrors(() => logger);

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which opens its popup) and leaves.
  app.quit();
} else {
  void startOrExplain(main, { logger: () => logger, path: log.path });
}

async function main() {
  // Windows toasts need the same AppUserModelId as the installer's Start-menu shortcut (electron#4973).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Before the first await: a privileged scheme can only be registered before the app is ready.
  registerAppScheme();
  installSecurityHooks();
  await app.whenReady();
  // A menu-bar app: no Dock icon (LSUIElement in the packaged Info.plist does the same before launch).
  app.dock?.hide();
  hardenSession(session.defaultSession);
  handleAppScheme(rendererDir);

  let popup: PopupWindow | null = null;
  let tray: AppTray | null = null;
  let quitting: Quitting | null = null;
  // Test-only (the Playwright _electron suite), and never in a packaged build: see test-hooks.ts.
  const testHooks = createTestHooks({ packaged: app.isPackaged, env: process.env, tray: () => tray });
  const onNotificationClick = (notification: DesktopNotification) => {
    popup?.open();
    // Another account's reminder: the core switches to it first.
    void core.openNotification(notification);
  };
  const composed = composeNodeCore({
    userDataDir: app.getPath('userData'),
    env: process.env,
    // Packaged builds talk to https://api.telnyx.com only; TELNYX_BASE_URL is for tests and the preview.
    packaged: app.isPackaged,
    appVersion: app.getVersion(),
    logSink: log.sink,
    // Settings and the key cache through electron-store; the core keeps its migrations and salvage.
    openStoreFile: openElectronStoreFile,
    desktop: (coreLogger) =>
      createElectronDesktop({
        logger: coreLogger,
        tray: () => tray,
        popup: () => popup,
        onNotificationClick,
        // After the core's quit check: clean up, then quit (or install the update the person chose).
        quit: () => (quitting ? quitting.quit() : app.quit()),
        ...(testHooks.observe ? { observe: testHooks.observe } : {}),
      }),
  });
  const { core } = composed;
  logger = composed.logger;
  quitting = setupQuitting({
    dispose: () => core.dispose(),
    requestQuit: () => core.requestQuit(),
    logger,
  });
  const { requestQuit, requestRestart } = quitting;

  registerIpc({
    handlers: core.handlers,
    isTrustedSender: createSenderCheck(() => popup?.window.webContents ?? null),
    logger,
    logPath: log.path,
  });
  forwardEvents(core.events, () => popup?.window.webContents ?? null);

  // Only a build with an update feed runs update code: electron-updater is loaded only then.
  const feed = updateFeedFile({ packaged: app.isPackaged, resourcesPath: process.resourcesPath });
  const updater = await loadUpdater(feed, logger);
  let updates: Updates | null = null;
  tray = setupTray({
    iconDir,
    onClick: () => popup?.toggle.trayClicked(),
    onMenu: (item) => {
      // Quits at once, unless full keys exist only in memory: then the popup asks first (see requestQuit).
      if (item.kind === 'quit') return void requestQuit();
      if (item.kind === 'check-updates') return void updates?.check();
      if (item.kind === 'restart-to-update') return updates?.restart();
      if (item.kind === 'settings') {
        popup?.open();
        return core.events.emit('popup.shown', { view: 'settings' });
      }
      void core.trayAction(item).catch((error: unknown) => logger.warn('tray action failed', { error }));
    },
    ...(updater ? { updateItem: () => updates?.trayItem() ?? 'check' } : {}),
  });
  if (updater) {
    const notices = createToasts({
      platform: process.platform,
      ...(testHooks.observe ? { observe: testHooks.observe.toast } : {}),
    });
    updates = setupUpdates({
      updater,
      logger,
      currentVersion: app.getVersion(),
      notify: (text, onClick) => notices.show(text, onClick),
      requestRestart: (install) => void requestRestart(install),
      changed: () => tray?.redraw(),
    });
  }
  popup = createPopupWindow({
    preload,
    rendererUrl: RENDERER_URL,
    trayBounds: () => tray?.tray.getBounds() ?? { x: 0, y: 0, width: 0, height: 0 },
    onShown: () => core.events.emit('popup.shown', { view: 'main' }),
  });

  app.on('second-instance', () => popup?.open());
  app.on('window-all-closed', () => undefined); // a tray app lives on without windows
  powerMonitor.on('resume', () => void core.clockMoved());

  await core.start();
  testHooks.expose();
  // Test-only: the Playwright _electron suite opens the popup without a tray click. Never when packaged.
  if (!app.isPackaged && process.env['KEYTRAY_TEST_OPEN_POPUP'] === '1') popup.open();
}
