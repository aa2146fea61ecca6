import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { createSimulator, startSimulatorServer } from '../../electron/core/telnyx/simulator/index.js';
import { buildApp } from '../../scripts/build-app.js';
import { findElectronBinary } from '../../scripts/electron-binary.js';

/**
 * The real Electron shell, end to end. Runs wherever an Electron binary is installed; on machines without
 * one (CI here: Electron's binary comes from GitHub) it skips and says why.
 */
const binary = findElectronBinary();
const skipReason =
  'missing' in binary
    ? `Electron end-to-end suite skipped: no Electron binary here (${binary.missing}). It runs wherever one is installed.`
    : null;
if (skipReason) console.log(skipReason);

test.describe('Keytray in Electron', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('starts, opens the popup through the test hook, creates a key and copies it', async () => {
    test.setTimeout(120_000);
    await buildApp(() => undefined);
    const simulator = createSimulator({ keyCount: 20 });
    const server = await startSimulatorServer(simulator);
    const app = await electron.launch({
      ...('path' in binary ? { executablePath: binary.path } : {}),
      args: [join(import.meta.dirname, '..', '..')],
      env: {
        ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >),
        TELNYX_BASE_URL: server.url,
        KEYTRAY_USER_DATA: mkdtempSync(join(tmpdir(), 'keytray-electron-')),
        KEYTRAY_KEYCHAIN_SERVICE: `KeytrayElectronE2E-${process.pid}`,
        KEYTRAY_TEST_OPEN_POPUP: '1',
      },
    });
    try {
      const popup = await app.firstWindow();
      // Loaded from the app:// scheme, which serves out/renderer and nothing beside it.
      expect(popup.url()).toBe('app://renderer/index.html');
      expect(
        await popup.evaluate(async () =>
          Promise.all(
            ['app://renderer/..%2fmain%2findex.js', 'app://renderer/index.html'].map(
              async (url) => (await fetch(url)).status,
            ),
          ),
        ),
      ).toEqual([404, 200]);
      await popup.getByLabel('Telnyx API key').fill(simulator.ownerKey);
      await popup.getByRole('button', { name: 'Connect' }).click();
      await popup.getByRole('button', { name: 'Create key' }).click();
      await popup
        .getByRole('dialog', { name: 'Create API key' })
        .getByRole('button', { name: 'Create', exact: true })
        .click();
      await popup.getByRole('button', { name: 'Copy key', exact: true }).click();
      const issued = simulator.state.issued[0]?.value;
      await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toBe(issued);
      // The renderer is sandboxed and isolated: no Node, no ipcRenderer, only the bridge.
      expect(
        await popup.evaluate(() => [
          typeof (globalThis as { require?: unknown }).require,
          typeof window.keytray.keys.copy,
        ]),
      ).toEqual(['undefined', 'function']);
    } finally {
      await app.close();
      await server.close();
    }
  });
});
