import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
});

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
