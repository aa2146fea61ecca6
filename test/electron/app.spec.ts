import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  createSimulator,
  startSimulatorServer,
  type Simulator,
} from '../../electron/core/telnyx/simulator/index.js';
import { popupPosition } from '../../electron/main/window-position.js';
import { buildOnce, gapBetween, launchAgain, launchKeytray, skipReason } from './launch.js';

/**
 * The real Electron shell, end to end: the journeys only a real Electron shows (the tray, the system
 * clipboard, notifications, the global shortcut, the app:// scheme, one instance). Runs wherever an Electron
 * binary is installed (`npm run test:electron`); elsewhere every test skips and prints why.
 *
 * Playwright drives the popup's page like a person, but it cannot click the OS's own surfaces: the tray icon,
 * a system notification, a global shortcut. For those the test runs the app's own handler — the one Electron
 * calls on a real click or key press — through `electronApp.evaluate` and the test hooks an unpackaged app
 * installs with KEYTRAY_TEST_HOOKS=1 (electron/main/test-hooks.ts). Each test says where it does.
 */
test.describe('Keytray in Electron', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let simulator: Simulator;
  let server: Awaited<ReturnType<typeof startSimulatorServer>>;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await buildOnce();
  });
  test.beforeEach(async () => {
    test.setTimeout(120_000);
    simulator = createSimulator({ keyCount: 20 });
    server = await startSimulatorServer(simulator);
  });
  test.afterEach(async () => {
    await server.close();
  });

  async function connect(popup: Page) {
    await popup.getByLabel('Telnyx API key').fill(simulator.ownerKey);
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();
  }

  test('a click on the tray icon opens the popup beside the icon; another click hides it', async () => {
    const keytray = await launchKeytray({ baseUrl: server.url });
    try {
      expect(await keytray.popupVisible()).toBe(false);
      // Playwright cannot click the OS tray: this emits the Tray's own 'click', which runs Keytray's handler.
      await keytray.hook('clickTray');
      await expect.poll(() => keytray.popupVisible()).toBe(true);

      const tray = await keytray.hook('trayBounds');
      const shown = await keytray.popupBounds();
      const screen = await keytray.app.evaluate(({ screen }, tray) => {
        const cursor = screen.getCursorScreenPoint();
        const display = screen.getDisplayNearestPoint(tray.width > 0 ? tray : cursor);
        return { cursor, workArea: display.workArea, display: display.bounds };
      }, tray);
      // On Linux the tray reports no bounds (electron/electron#15003): the popup goes by the cursor.
      const anchor = tray.width > 0 && tray.height > 0 ? tray : { ...screen.cursor, width: 0, height: 0 };
      expect(gapBetween(shown, anchor)).toBeLessThanOrEqual(8);
      expect({ x: shown.x, y: shown.y }).toEqual(
        popupPosition({
          trayBounds: tray,
          cursor: screen.cursor,
          workArea: screen.workArea,
          display: screen.display,
          size: { width: shown.width, height: shown.height },
          platform: process.platform,
        }),
      );
      expect(
        shown.x >= screen.workArea.x &&
          shown.y >= screen.workArea.y &&
          shown.x + shown.width <= screen.workArea.x + screen.workArea.width &&
          shown.y + shown.height <= screen.workArea.y + screen.workArea.height,
      ).toBe(true);

      await keytray.hook('clickTray');
      await expect.poll(() => keytray.popupVisible()).toBe(false);
    } finally {
      await keytray.close();
    }
  });

  test('copy: the system clipboard holds the secret, then is cleared after the chosen time', async () => {
    const keytray = await launchKeytray({ baseUrl: server.url, openPopup: true });
    const { popup } = keytray;
    try {
      // Loaded from the app:// scheme; the renderer is sandboxed and isolated: no Node, only the bridge.
      expect(popup.url()).toBe('app://renderer/index.html');
      expect(
        await popup.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof window.keytray.keys.copy,
        ]),
      ).toEqual(['undefined', 'function']);
      await connect(popup);
      await popup.getByRole('button', { name: 'Settings' }).click();
      await popup.getByLabel('Clear clipboard after').selectOption({ label: '10 s' });
      await popup.keyboard.press('Escape');

      await popup.getByRole('button', { name: 'Create key' }).click();
      await popup
        .getByRole('dialog', { name: 'Create API key' })
        .getByRole('button', { name: 'Create', exact: true })
        .click();
      await popup.getByRole('button', { name: 'Copy key', exact: true }).click();
      const issued = simulator.state.issued[0]?.value;
      expect(issued).toMatch(/^KEY/);
      // The OS clipboard, read by Electron in main: what another app would paste.
      await expect.poll(() => keytray.clipboardText()).toBe(issued);
      await expect.poll(() => keytray.clipboardText(), { timeout: 20_000 }).toBe('');
    } finally {
      await keytray.close();
    }
  });

  test('a reminder arrives as a system notification; clicking it opens the popup on that key', async () => {
    // One key expires in three days; nothing else does.
    const key = simulator.state.keys.find(
      (k) => k.userId !== 'user-gone' && k.value !== simulator.ownerKey && k.value !== simulator.memberKey,
    );
    if (!key) throw new Error('no key to expire');
    for (const k of simulator.state.keys) k.expiresAt = null;
    key.expiresAt = new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString();
    key.status = 'active';
    key.tags = ['prod'];

    const keytray = await launchKeytray({ baseUrl: server.url, openPopup: true });
    const { popup } = keytray;
    try {
      expect(
        await keytray.app.evaluate(({ Notification }) => Notification.isSupported()),
        'this session cannot show system notifications (on Linux Electron needs libnotify4)',
      ).toBe(true);
      await connect(popup);
      await expect
        .poll(async () => (await keytray.hook('notifications')).map((n) => n.title))
        .toEqual([expect.stringMatching(/^Telnyx key expires in [34] days$/)]);
      const [reminder] = await keytray.hook('notifications');
      expect(reminder?.body).toContain('(prod)');

      await popup.evaluate(() => window.keytray.popup.hide());
      await expect.poll(() => keytray.popupVisible()).toBe(false);
      // Playwright cannot click a system notification: this emits the Notification's own 'click', which
      // runs Keytray's handler.
      expect(await keytray.hook('clickNotification', reminder?.title ?? '')).toBe(true);
      await expect.poll(() => keytray.popupVisible()).toBe(true);
      await expect(popup.getByText('Showing the key from the reminder.')).toBeVisible();
      await expect(popup.getByRole('list', { name: 'API keys' }).getByRole('listitem')).toHaveCount(1);
      await expect(popup.getByRole('listitem')).toHaveAttribute('aria-label', new RegExp(`^${key.id}`));
    } finally {
      await keytray.close();
    }
  });

  test('the global shortcut is registered with the OS and opens the popup with focus in Search', async () => {
    const keytray = await launchKeytray({ baseUrl: server.url, openPopup: true });
    const { popup } = keytray;
    const accelerator = 'CommandOrControl+Alt+Shift+F9';
    try {
      await connect(popup);
      // Through the bridge call Settings makes (its shortcut field is covered by the preview's e2e suite).
      const saved = await popup.evaluate(
        (globalShortcut) => window.keytray.settings.set({ globalShortcut }),
        accelerator,
      );
      expect(saved.ok).toBe(true);
      expect(
        await keytray.app.evaluate(({ globalShortcut }, a) => globalShortcut.isRegistered(a), accelerator),
      ).toBe(true);
      await popup.evaluate(() => window.keytray.popup.hide());
      await expect.poll(() => keytray.popupVisible()).toBe(false);

      // Playwright cannot press a key outside the page: this runs the handler Keytray registered with the OS
      // for this accelerator (the hook refuses if the OS no longer holds it).
      expect(await keytray.hook('pressShortcut', accelerator)).toBe(true);
      await expect.poll(() => keytray.popupVisible()).toBe(true);
      await expect(popup.getByRole('searchbox', { name: 'Search' })).toBeFocused();
    } finally {
      await keytray.close();
    }
  });

  test('the app:// scheme serves the popup and refuses every path outside it', async () => {
    const keytray = await launchKeytray({ baseUrl: server.url, openPopup: true });
    try {
      // The file a traversal would reach exists: a 404 is a refusal, not a missing file.
      expect(existsSync(join(import.meta.dirname, '..', '..', 'out', 'main', 'index.js'))).toBe(true);
      const fromPage = await keytray.popup.evaluate(async () => {
        const urls = [
          'app://renderer/index.html',
          'app://renderer/..%2fmain%2findex.js',
          'app://renderer/%2e%2e/main/index.js',
          'app://renderer/..%5cmain%5cindex.js',
          'app://renderer/%2e%2e%2f%2e%2e%2fpackage.json',
        ];
        return Promise.all(urls.map(async (url) => (await fetch(url)).status));
      });
      expect(fromPage).toEqual([200, 404, 404, 404, 404]);
      // Another host of the scheme, asked from main (the page's CSP would stop it before the handler).
      const otherHost = await keytray.app.evaluate(
        async ({ session }) => (await session.defaultSession.fetch('app://main/index.js')).status,
      );
      expect(otherHost).toBe(404);
    } finally {
      await keytray.close();
    }
  });

  test('a second launch hands over to the first, which opens its popup, and exits', async () => {
    const keytray = await launchKeytray({ baseUrl: server.url });
    try {
      expect(await keytray.popupVisible()).toBe(false);
      expect(await launchAgain(keytray.env)).toBe(0);
      await expect.poll(() => keytray.popupVisible()).toBe(true);
      expect(await keytray.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await keytray.close();
    }
  });
});
