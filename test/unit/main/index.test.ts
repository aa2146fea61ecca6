import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ElectronStoreModule from 'electron-store';
import type * as ComposeNode from '../../../electron/core/compose-node.js';
import type * as FakeElectronModule from '../../fixtures/fake-electron.js';

/**
 * The composition root itself, under the fake `electron`: what it registers before the app is ready, where
 * the popup loads from, and what a person sees when start-up fails. Each test boots a fresh copy of main.
 */
const SECRET_KEY = 'KEY0190AB12CD34EF56AB78CD90EF12AB34_s3cretPartOfTheKey0123';
const processListeners = () => ({
  uncaughtException: process.listeners('uncaughtException'),
  unhandledRejection: process.listeners('unhandledRejection'),
});

type FakeElectron = typeof FakeElectronModule;

async function boot(configure: (electron: FakeElectron) => void = () => {}) {
  vi.resetModules();
  const userData = mkdtempSync(join(tmpdir(), 'keytray-main-'));
  vi.stubEnv('KEYTRAY_USER_DATA', userData);
  vi.stubEnv('KEYTRAY_KEYCHAIN_SERVICE', `KeytrayMainUnit-${process.pid}`);
  vi.stubEnv('TELNYX_BASE_URL', '');
  // Main logs to stderr as well as to its file: keep the test output quiet.
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  cleanups.push(() => quiet.mockRestore());
  const electron = await import('../../fixtures/fake-electron.js');
  configure(electron);
  const before = processListeners();
  await import('../../../electron/main/index.js');
  const after = processListeners();
  cleanups.push(() => {
    for (const event of ['uncaughtException', 'unhandledRejection'] as const)
      for (const listener of after[event])
        if (!before[event].includes(listener as never)) process.removeListener(event, listener);
  });
  return { electron, userData, logFile: join(userData, 'logs', 'main.log') };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.unstubAllEnvs();
  vi.doUnmock('../../../electron/core/compose-node.js');
  vi.doUnmock('electron-store');
  vi.doUnmock('electron-updater');
});

/** A packaged install in a temporary folder; with a feed, electron-builder's `app-update.yml` beside app.asar. */
function packagedInstall(options: { feed: boolean }) {
  const installed = mkdtempSync(join(tmpdir(), 'keytray-installed-'));
  const resources = join(installed, 'resources');
  mkdirSync(resources);
  if (options.feed)
    writeFileSync(
      join(resources, 'app-update.yml'),
      'provider: generic\nurl: https://updates.example.com/keytray\n',
    );
  cleanups.push(() => Reflect.deleteProperty(process, 'resourcesPath'));
  return (electron: FakeElectron) => {
    electron.app.isPackaged = true;
    electron.app.setPath('userData', installed);
    Object.assign(process, { resourcesPath: resources });
  };
}

/** A stand-in for electron-updater's `autoUpdater`, recording what main asks of it. */
function fakeUpdaterModule() {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const autoUpdater = {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    logger: null as unknown,
    checks: 0,
    installs: 0,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return autoUpdater;
    },
    emit(event: string, ...args: unknown[]) {
      for (const listener of listeners.get(event) ?? []) listener(...args);
    },
    async checkForUpdates() {
      autoUpdater.checks++;
      return null;
    },
    quitAndInstall() {
      autoUpdater.installs++;
    },
  };
  let loaded = false;
  vi.doMock('electron-updater', () => {
    loaded = true;
    return { autoUpdater };
  });
  return { autoUpdater, loaded: () => loaded };
}

const trayLabels = (electron: FakeElectron) =>
  ((electron.Tray.created.at(-1)?.menu as { items?: { label: string }[] } | undefined)?.items ?? []).map(
    (item) => item.label,
  );

describe('the Electron composition root', () => {
  it('registers app:// as privileged before ready, loads the popup from it, and trusts only that page', async () => {
    const { electron } = await boot();
    const { app, protocol, BrowserWindow, ipcMain, FakeWebContents } = electron;
    // The fake throws, as Electron does, if the scheme is registered once the app is ready.
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const popup = BrowserWindow.created[0];
    expect(popup?.webContents.mainFrame.url).toBe('app://renderer/index.html');
    expect(protocol.handlers.has('app')).toBe(true);

    const handler = ipcMain.handlers.get('keytray:account.status');
    const fromPopup = await handler?.({
      sender: popup?.webContents,
      senderFrame: popup?.webContents.mainFrame,
    });
    expect(fromPopup).toMatchObject({ ok: true, value: { connected: false } });
    const fileSender = new FakeWebContents('file:///opt/Keytray/resources/app.asar/out/renderer/index.html');
    expect(await handler?.({ sender: fileSender, senderFrame: fileSender.mainFrame })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A navigated popup (should navigation ever slip through) is refused as well.
    if (popup) popup.webContents.mainFrame.url = 'file:///etc/index.html';
    expect(
      await handler?.({ sender: popup?.webContents, senderFrame: popup?.webContents.mainFrame }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(app.exitCode).toBeNull();
    app.emit('before-quit', { preventDefault: () => {} });
  });

  it('a packaged build tells the core (it then talks to api.telnyx.com only) and ignores test folders', async () => {
    const seen: { packaged?: boolean; userDataDir: string }[] = [];
    vi.doMock('../../../electron/core/compose-node.js', async (importActual) => {
      const actual = await importActual<typeof ComposeNode>();
      return {
        composeNodeCore: (options: Parameters<typeof actual.composeNodeCore>[0]) => {
          seen.push(options);
          return actual.composeNodeCore(options);
        },
      };
    });
    const installed = mkdtempSync(join(tmpdir(), 'keytray-installed-'));
    const { userData, electron } = await boot(({ app }) => {
      app.isPackaged = true;
      app.setPath('userData', installed);
      Object.assign(process, { resourcesPath: join(installed, 'resources') });
    });
    cleanups.push(() => Reflect.deleteProperty(process, 'resourcesPath'));
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1));
    expect(seen).toEqual([expect.objectContaining({ packaged: true, userDataDir: installed })]);
    expect(userData).not.toBe(installed);
    expect(electron.app.getPath('logs')).toBe(`${installed}/logs`);
    electron.app.emit('before-quit', { preventDefault: () => {} });
  });

  it('keeps settings through electron-store', async () => {
    const opened: string[] = [];
    vi.doMock('electron-store', async (importActual) => {
      const actual = await importActual<typeof ElectronStoreModule>();
      return {
        default: class extends actual.default {
          constructor(options: ConstructorParameters<typeof actual.default>[0]) {
            super(options);
            opened.push(`${options?.name}.json`);
          }
        },
      };
    });
    const { electron, userData } = await boot();
    await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1));
    const popup = electron.BrowserWindow.created[0];
    const fromPopup = { sender: popup?.webContents, senderFrame: popup?.webContents.mainFrame };
    // A change in Settings reaches settings.json through electron-store.
    await electron.ipcMain.handlers.get('keytray:settings.set')?.(fromPopup, { clipboardClearSeconds: 10 });
    expect(opened).toEqual(['settings.json']);
    const settings = JSON.parse(readFileSync(join(userData, 'settings.json'), 'utf8')) as {
      document: { preferences: { clipboardClearSeconds: number } };
    };
    expect(settings.document.preferences.clipboardClearSeconds).toBe(10);
    electron.app.emit('before-quit', { preventDefault: () => {} });
  });

  it('a packaged build without an update feed never loads the updater, and its tray offers no update', async () => {
    const updater = fakeUpdaterModule();
    const { electron } = await boot(packagedInstall({ feed: false }));
    await vi.waitFor(() => expect(trayLabels(electron)).toContain('Quit'));
    expect(trayLabels(electron)).not.toContain('Check for updates…');
    expect(updater.loaded()).toBe(false);
    electron.app.emit('before-quit', { preventDefault: () => {} });
  });

  it('with a feed: checks, offers "Check for updates…", and "Restart to update" installs through the quit check', async () => {
    const { autoUpdater } = fakeUpdaterModule();
    const { electron } = await boot(packagedInstall({ feed: true }));
    await vi.waitFor(() => expect(trayLabels(electron)).toContain('Check for updates…'));
    expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(autoUpdater.checks).toBe(1);

    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    expect(trayLabels(electron)).toContain('Restart to update');
    expect(electron.Notification.shown.at(-1)?.options.title).toBe('Restart to update');
    expect(autoUpdater.installs).toBe(0);

    const menu = electron.Tray.created.at(-1)?.menu as { items: { label: string; click: () => void }[] };
    menu.items.find((item) => item.label === 'Restart to update')?.click();
    // Nothing is held only in memory, so the quit check lets it through: clean up, then install.
    await vi.waitFor(() => expect(autoUpdater.installs).toBe(1));
  });

  it('a failure during start-up is logged (redacted) and explained in a dialog naming the log file', async () => {
    vi.doMock('../../../electron/core/compose-node.js', () => ({
      composeNodeCore: () => {
        throw new Error(`settings unreadable near ${SECRET_KEY}`);
      },
    }));
    const { electron, logFile } = await boot();
    await vi.waitFor(() => expect(electron.dialog.errorBoxes).toHaveLength(1));
    expect(electron.dialog.errorBoxes[0]).toEqual({
      title: 'Keytray could not start',
      content: `Something went wrong while Keytray was starting, so it will close. Details are in Keytray's log file: ${logFile}`,
    });
    expect(electron.app.exitCode).toBe(1);
    expect(existsSync(logFile)).toBe(true);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('error Keytray could not start');
    expect(log).toContain('settings unreadable near KEY0190AB12CD34EF56AB78CD90EF12AB34_[redacted]');
    expect(log).not.toContain('s3cretPartOfTheKey');
  });
});
