import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import type { Rect } from '../../electron/main/window-position.js';
import type { TestHooks, TEST_HOOKS_GLOBAL } from '../../electron/main/test-hooks.js';
import { buildApp } from '../../scripts/build-app.js';
import { findElectronBinary } from '../../scripts/electron-binary.js';

/**
 * Launching the real Keytray under Playwright's `_electron`, for the journeys only a real Electron shows.
 * Where no Electron binary is installed (these machines: it comes from GitHub) every test skips and says why.
 */
const root = join(import.meta.dirname, '..', '..');
export const binary = findElectronBinary();
export const skipReason =
  'missing' in binary
    ? `Electron end-to-end suite skipped: no Electron binary here (${binary.missing}). It runs wherever one is installed: npm run test:electron.`
    : null;
if (skipReason) console.log(skipReason);

/** `test-hooks.ts` imports `electron`, so only its types are imported here; the compiler checks the name. */
const HOOKS: typeof TEST_HOOKS_GLOBAL = '__keytrayTestHooks';

let built = false;
/** out/ once per worker: main, preload and the popup, as `npm start` builds them. */
export async function buildOnce(): Promise<void> {
  if (built) return;
  await buildApp(() => undefined);
  built = true;
}

export type Keytray = {
  app: ElectronApplication;
  /** The popup's page (its window exists from start, hidden until opened). */
  popup: Page;
  /** The environment it was launched with: a second launch uses the same. */
  env: Record<string, string>;
  /** Runs one of the app's test hooks in main (see electron/main/test-hooks.ts). */
  hook<K extends keyof TestHooks>(
    name: K,
    ...args: Parameters<TestHooks[K]>
  ): Promise<ReturnType<TestHooks[K]>>;
  popupVisible(): Promise<boolean>;
  popupBounds(): Promise<Rect>;
  clipboardText(): Promise<string>;
  close(): Promise<void>;
};

/** Arguments for Electron: the app folder, and `--no-sandbox` only where Chromium refuses to run without it. */
export function electronArgs(): string[] {
  // Chromium's sandbox will not start as root (CI containers); a person's machine never takes this branch.
  const root_ = process.platform === 'linux' && process.getuid?.() === 0;
  return [root, ...(root_ ? ['--no-sandbox'] : [])];
}

export async function launchKeytray(options: {
  baseUrl: string;
  /** Open the popup at start (`KEYTRAY_TEST_OPEN_POPUP`), as if the tray had been clicked. */
  openPopup?: boolean;
}): Promise<Keytray> {
  const env: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >),
    TELNYX_BASE_URL: options.baseUrl,
    KEYTRAY_USER_DATA: mkdtempSync(join(tmpdir(), 'keytray-electron-')),
    // Its own keychain service per launch: never a person's own entries.
    KEYTRAY_KEYCHAIN_SERVICE: `KeytrayElectronE2E-${process.pid}-${Date.now()}`,
    KEYTRAY_TEST_HOOKS: '1',
    ...(options.openPopup ? { KEYTRAY_TEST_OPEN_POPUP: '1' } : {}),
  };
  const app = await electron.launch({
    ...('path' in binary ? { executablePath: binary.path } : {}),
    args: electronArgs(),
    env,
  });
  const popup = await app.firstWindow();
  // The hooks are installed once the core has started.
  await app.evaluate(async (_electron, name) => {
    for (let i = 0; i < 200 && !(name in globalThis); i++) await new Promise((r) => setTimeout(r, 50));
  }, HOOKS);
  return {
    app,
    popup,
    env,
    hook: (name, ...args) =>
      app.evaluate(
        (_electron, [global, method, methodArgs]) => {
          const hooks = (globalThis as Record<string, unknown>)[global] as
            Record<string, (...a: unknown[]) => unknown> | undefined;
          if (!hooks)
            throw new Error('Keytray test hooks are not installed (KEYTRAY_TEST_HOOKS=1, unpackaged)');
          return hooks[method]?.(...methodArgs);
        },
        [HOOKS, name, args] as [string, string, unknown[]],
      ) as never,
    popupVisible: () =>
      app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false),
    popupBounds: () =>
      app.evaluate(
        ({ BrowserWindow }) =>
          BrowserWindow.getAllWindows()[0]?.getBounds() ?? { x: 0, y: 0, width: 0, height: 0 },
      ),
    clipboardText: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    async close() {
      // Take the test's key out of the keychain where the suite runs outside a throwaway keyring (macOS).
      await popup.evaluate(() => window.keytray.account.disconnect()).catch(() => undefined);
      await app.close();
    },
  };
}

/** A second `Keytray` process with the same settings folder, as a person double-clicking the app again. */
export function launchAgain(env: Record<string, string>): Promise<number | null> {
  if (!('path' in binary)) throw new Error(skipReason ?? 'no Electron binary');
  const second = spawn(binary.path, electronArgs(), { env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      second.kill();
      reject(new Error('the second launch did not exit within 20 s'));
    }, 20_000);
    second.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** How far apart two rectangles are (0 when they touch or overlap). */
export function gapBetween(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}
