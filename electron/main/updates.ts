import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/ports.js';
import type { ToastText } from './toasts.js';

/**
 * The part of electron-updater's `autoUpdater` Keytray uses, so the flow can be tested with a fake. The real
 * one is assigned to this type in `index.ts`, so the compiler checks that they agree.
 */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: {
    info(message?: unknown): void;
    warn(message?: unknown): void;
    error(message?: unknown): void;
  } | null;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/**
 * The feed electron-builder wrote into this build (`app-update.yml` in the resources folder, from the `publish`
 * setting in electron-builder.yml), or null: an unpackaged run, or a build made without a feed. Without one,
 * Keytray runs no update code at all (electron-updater is not even loaded).
 */
export function updateFeedFile(build: { packaged: boolean; resourcesPath: string }): string | null {
  if (!build.packaged) return null;
  const file = join(build.resourcesPath, 'app-update.yml');
  return existsSync(file) ? file : null;
}

/**
 * electron-updater, loaded only for a build with a feed. Should it fail to load, Keytray runs on without
 * updates (and says so in the log) rather than not starting.
 */
export async function loadUpdater(feed: string | null, logger: Logger): Promise<Updater | null> {
  if (!feed) return null;
  try {
    const { autoUpdater } = await import('electron-updater');
    return autoUpdater;
  } catch (error) {
    logger.error('the updater could not be loaded; Keytray runs without updates', { error });
    return null;
  }
}

/** Once a day, for people who leave Keytray running for weeks. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Updates from the build's feed: checked at start, daily, and when the person chooses "Check for updates…";
 * downloaded in the background; installed only when the person says so — "Restart to update" in the tray
 * menu or a click on the notification saying an update is ready — and then only through the core's quit check
 * (`requestRestart`), so full keys held only in memory are offered for copying first. Never on quit by itself
 * (`autoInstallOnAppQuit` off): an update nobody chose must not replace the app behind their back.
 */
export function setupUpdates(deps: {
  updater: Updater;
  logger: Logger;
  /** The version running now, for "you have the latest version". */
  currentVersion: string;
  notify: (text: ToastText, onClick: () => void) => void;
  /** The core's quit check, ending in `install` (see `quitting.ts`). */
  requestRestart: (install: () => void) => void;
  /** The tray redraws its update item. */
  changed: () => void;
  setInterval?: (callback: () => void, ms: number) => { unref?: () => void };
}) {
  const { updater, logger } = deps;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  // electron-updater logs URLs and versions; through Keytray's logger they are redacted and kept in main.log.
  updater.logger = {
    info: (message) => logger.info('updater', { message: String(message) }),
    warn: (message) => logger.warn('updater', { message: String(message) }),
    error: (message) => logger.error('updater', { message: String(message) }),
  };

  let downloaded: string | null = null;
  /** A check the person asked for is running: they are told how it ends, whichever way. */
  let asked = false;

  const install = () =>
    updater.quitAndInstall(
      // Silent: the person already chose to update; the installer's pages would only ask again (Windows).
      true,
      // Start the new version once installed, as "Restart" promises.
      true,
    );
  const restart = () => deps.requestRestart(install);

  updater.on('update-available', (info) => {
    if (!asked) return;
    deps.notify(
      {
        title: `Keytray ${info.version} is available`,
        body: 'It is downloading now; Keytray will tell you when it is ready to install.',
      },
      () => undefined,
    );
  });
  updater.on('update-not-available', () => {
    if (!asked) return;
    asked = false;
    deps.notify(
      { title: 'Keytray is up to date', body: `You have the latest version, ${deps.currentVersion}.` },
      () => undefined,
    );
  });
  updater.on('update-downloaded', (info) => {
    asked = false;
    downloaded = info.version;
    deps.changed();
    deps.notify(
      {
        title: 'Restart to update',
        body: `Keytray ${info.version} is ready. Click here to restart into it, or choose Restart to update in the Keytray menu. Nothing is installed until you do.`,
      },
      restart,
    );
  });
  updater.on('error', (error) => {
    logger.warn('update check or download failed', { error });
    if (!asked) return;
    asked = false;
    deps.notify(
      {
        title: 'Keytray could not check for updates',
        body: 'The update server could not be reached or sent something Keytray does not accept. It will try again later.',
      },
      () => undefined,
    );
  });

  const check = async (byPerson: boolean) => {
    if (byPerson) asked = true;
    try {
      await updater.checkForUpdates();
    } catch {
      // Also emitted as 'error', handled above.
    }
  };

  void check(false);
  const timer = (deps.setInterval ?? setInterval)(() => void check(false), UPDATE_CHECK_INTERVAL_MS);
  timer.unref?.();

  return {
    /** What the tray's update item offers now. */
    trayItem: (): 'check' | 'restart' => (downloaded ? 'restart' : 'check'),
    /** "Check for updates…" from the tray. */
    check: () => check(true),
    /** "Restart to update" from the tray. */
    restart,
  };
}

export type Updates = ReturnType<typeof setupUpdates>;
