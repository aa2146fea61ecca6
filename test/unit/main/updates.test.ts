import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToastText } from '../../../electron/main/toasts.js';
import {
  setupUpdates,
  UPDATE_CHECK_INTERVAL_MS,
  updateFeedFile,
  type Updater,
} from '../../../electron/main/updates.js';

/**
 * The update flow against a fake `autoUpdater` (electron-updater needs a packaged app and a feed). What a
 * person notices: told when an update is ready, asked before anything installs, told how a check they asked
 * for ended — and nothing at all for the checks Keytray makes by itself that find nothing.
 */
type Listener = (...args: never[]) => void;

class FakeUpdater implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: Updater['logger'] = null;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What the next check does: emits these events (as electron-updater does) and resolves or rejects. */
  next: (updater: FakeUpdater) => Promise<void> = async () => {
    this.emit('update-not-available', { version: '0.1.0' });
  };
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  async checkForUpdates() {
    this.checks++;
    await this.next(this);
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setup(configure: (updater: FakeUpdater) => void = () => {}) {
  const updater = new FakeUpdater();
  configure(updater);
  const toasts: (ToastText & { click: () => void })[] = [];
  const restarts: (() => void)[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const logs: { message: string; fields?: Record<string, unknown> }[] = [];
  let redraws = 0;
  const log = (message: string, fields?: Record<string, unknown>) =>
    void logs.push({ message, ...(fields ? { fields } : {}) });
  const updates = setupUpdates({
    updater,
    logger: { info: log, warn: log, error: log },
    currentVersion: '0.1.0',
    notify: (text, click) => void toasts.push({ ...text, click }),
    requestRestart: (install) => void restarts.push(install),
    changed: () => void redraws++,
    setInterval: (callback, ms) => (timers.push({ callback, ms }), {}),
  });
  return {
    updater,
    updates,
    toasts,
    restarts,
    timers,
    logs,
    redraws: () => redraws,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('updates', () => {
  it('downloads in the background but never installs on quit by itself; checks at start and daily, quietly', async () => {
    const { updater, toasts, timers } = setup();
    await settle();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checks).toBe(1);
    expect(timers.map((t) => t.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    timers[0]?.callback();
    await settle();
    expect(updater.checks).toBe(2);
    // Checks nobody asked for that find nothing say nothing.
    expect(toasts).toEqual([]);
  });

  it('"Check for updates…" finding nothing says so, naming the version', async () => {
    const { updates, toasts } = setup();
    await settle();
    await updates.check();
    expect(toasts.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'Keytray is up to date', body: 'You have the latest version, 0.1.0.' },
    ]);
  });

  it('a downloaded update turns the tray item into "Restart to update" and says so; only a click restarts, through the quit check', async () => {
    const { updater, updates, toasts, restarts, redraws } = setup();
    await settle();
    expect(updates.trayItem()).toBe('check');
    updater.next = async (u) => {
      u.emit('update-available', { version: '0.2.0' });
    };
    await updates.check();
    expect(toasts.map((t) => t.title)).toEqual(['Keytray 0.2.0 is available']);

    updater.emit('update-downloaded', { version: '0.2.0', downloadedFile: '/tmp/x' });
    expect(updates.trayItem()).toBe('restart');
    expect(redraws()).toBe(1);
    expect(toasts[1]).toMatchObject({
      title: 'Restart to update',
      body: 'Keytray 0.2.0 is ready. Click here to restart into it, or choose Restart to update in the Keytray menu. Nothing is installed until you do.',
    });
    // Shown, not acted on: nothing installs and no restart is asked for.
    expect(updater.installs).toEqual([]);
    expect(restarts).toEqual([]);

    toasts[1]?.click();
    expect(restarts).toHaveLength(1);
    // The quit check decides when; only then does the install run (silently, starting the new version).
    expect(updater.installs).toEqual([]);
    restarts[0]?.();
    expect(updater.installs).toEqual([[true, true]]);

    updates.restart();
    expect(restarts).toHaveLength(2);
  });

  it('a check the person asked for that fails says so in plain words; a background one only logs', async () => {
    const failure = new Error('net::ERR_NAME_NOT_RESOLVED https://updates.example.com/latest-linux.yml');
    const { updates, toasts, logs } = setup((updater) => {
      updater.next = async (u) => {
        u.emit('error', failure);
        throw failure;
      };
    });
    await settle();
    expect(toasts).toEqual([]);
    expect(logs.some((l) => l.message === 'update check or download failed')).toBe(true);

    await updates.check();
    expect(toasts.map(({ title, body }) => ({ title, body }))).toEqual([
      {
        title: 'Keytray could not check for updates',
        body: 'The update server could not be reached or sent something Keytray does not accept. It will try again later.',
      },
    ]);
  });

  it("logs electron-updater's messages through Keytray's logger", async () => {
    const { updater, logs } = setup();
    await settle();
    updater.logger?.info('Checking for update');
    expect(logs).toContainEqual({ message: 'updater', fields: { message: 'Checking for update' } });
  });
});

describe('the update feed', () => {
  it('exists only in a packaged build that electron-builder gave a feed (app-update.yml)', () => {
    const resources = mkdtempSync(join(tmpdir(), 'keytray-resources-'));
    expect(updateFeedFile({ packaged: true, resourcesPath: resources })).toBeNull();
    mkdirSync(resources, { recursive: true });
    writeFileSync(join(resources, 'app-update.yml'), 'provider: generic\nurl: https://updates.example.com\n');
    expect(updateFeedFile({ packaged: true, resourcesPath: resources })).toBe(
      join(resources, 'app-update.yml'),
    );
    expect(updateFeedFile({ packaged: false, resourcesPath: resources })).toBeNull();
  });
});
