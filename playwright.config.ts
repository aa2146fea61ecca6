import { defineConfig, type Project } from '@playwright/test';
import type { E2eOptions } from './test/e2e/fixtures.js';

/**
 * Every browser test runs on a fixed clock in a named zone (see test/e2e/test-clock.ts), so none depends on
 * the hour, date or zone it runs in. Each project starts at a hard local time: the popup suite at 00:30 on
 * New York's fall-back day; the reminder suite three times, across the date line (UTC+14 and UTC−11, one
 * wall-clock hour but a calendar day apart) and over a spring-forward night. `KEYTRAY_E2E_WALL_CLOCK`
 * (`YYYY-MM-DDTHH:mm`) moves every project to another local time, to check more instants by hand.
 */
const at = (wallClock: string) => process.env['KEYTRAY_E2E_WALL_CLOCK'] || wallClock;
const REMINDER_ZONES = [
  { name: 'reminders-kiritimati', timezoneId: 'Pacific/Kiritimati', wallClock: at('2026-11-30T23:30') },
  { name: 'reminders-pago-pago', timezoneId: 'Pacific/Pago_Pago', wallClock: at('2026-12-01T00:30') },
  { name: 'reminders-new-york', timezoneId: 'America/New_York', wallClock: at('2026-03-07T23:30') },
];
const reminderProjects: Project<E2eOptions>[] = REMINDER_ZONES.map(({ name, ...use }) => ({
  name,
  testDir: 'test/e2e',
  testMatch: 'reminders.spec.ts',
  use,
}));

/**
 * Browser end-to-end suite: the popup in Debian's Chromium through the preview shell, against the simulator
 * on loopback and the real keychain (npm test runs it inside a private D-Bus session). Never downloads a
 * browser: `/usr/bin/chromium` is the one Debian ships.
 */
export default defineConfig<E2eOptions>({
  projects: [
    {
      name: 'popup',
      testDir: 'test/e2e',
      testIgnore: 'reminders.spec.ts',
      use: { timezoneId: 'America/New_York', wallClock: at('2026-11-01T00:30') },
    },
    ...reminderProjects,
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
