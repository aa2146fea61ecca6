import { defineConfig } from '@playwright/test';

/**
 * Browser end-to-end suite: the popup in Debian's Chromium through the preview shell, against the simulator
 * on loopback and the real keychain (npm test runs it inside a private D-Bus session). Never downloads a
 * browser: `/usr/bin/chromium` is the one Debian ships.
 */
export default defineConfig({
  projects: [
    { name: 'popup', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/electron', workers: 1 },
  ],
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1000, height: 660 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      // Chromium's own background traffic is refused on these machines; keep it quiet.
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
