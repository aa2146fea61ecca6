import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type FrameLocator, type Page } from '@playwright/test';
import { EVENT_NAMES } from '../../electron/common/contract.js';
import {
  createSimulator,
  startSimulatorServer,
  type Simulator,
  type SimulatorOptions,
} from '../../electron/core/telnyx/simulator/index.js';
import { createTestClock, machineZone, type TestClock } from './test-clock.js';

export type Preview = {
  url: string;
  token: string;
  userData: string;
  service: string;
  process: ChildProcess;
  /** The test clock this preview follows (it started at its time, in its zone), if it was given one. */
  clock: TestClock | undefined;
  /** The simulated OS clipboard, through the preview's test route. */
  clipboard(): Promise<string | null>;
  /** Moves the core's clock; the test clock (and so the simulator and the page) follows. */
  moveClock(body: { advanceMs: number } | { now: string }): Promise<void>;
  notifications(): Promise<{ title: string; body: string; keyIds: string[] }[]>;
  /** Everything the preview process logged (its stderr), for the leak scan. */
  logs(): string;
  stop(): Promise<void>;
};

/**
 * Starts `npm run preview`'s program with its own user-data folder and keychain service name. Given a test
 * clock, it runs in that clock's zone (`TZ`) and starts at its time, so nothing it does reads the real time.
 */
export async function startPreview(options: {
  baseUrl: string;
  userData?: string;
  service?: string;
  clock?: TestClock | undefined;
  /** More environment for the preview process (e.g. a D-Bus address where no keyring answers). */
  env?: NodeJS.ProcessEnv;
}): Promise<Preview> {
  const { clock } = options;
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'keytray-e2e-'));
  const service = options.service ?? `KeytrayE2E-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/preview/cli.ts'], {
    env: {
      ...process.env,
      KEYTRAY_PREVIEW_PORT: '0',
      TELNYX_BASE_URL: options.baseUrl,
      KEYTRAY_USER_DATA: userData,
      KEYTRAY_KEYCHAIN_SERVICE: service,
      KEYTRAY_PREVIEW_TEST_HOOKS: '1',
      ...(clock ? { TZ: clock.zone, KEYTRAY_PREVIEW_NOW: clock.now().toISOString() } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /preview ready at (\S+)/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}:\n${stderr}`)));
  });
  const token = new URL(url).searchParams.get('token') ?? '';
  const origin = new URL(url).origin;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${origin}${path}`, {
      ...init,
      headers: { 'x-keytray-token': token, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return {
    url,
    token,
    userData,
    service,
    process: child,
    clock,
    clipboard: async () => ((await call('/__test__/clipboard')) as { text: string | null }).text,
    moveClock: async (body) => {
      const moved = (await call('/__test__/clock', { method: 'POST', body: JSON.stringify(body) })) as {
        now: string;
      };
      await clock?.moved(new Date(moved.now));
    },
    notifications: async () =>
      (await call('/__test__/notifications')) as { title: string; body: string; keyIds: string[] }[],
    logs: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The options a Playwright project may set for the browser suite (playwright.config.ts). */
export type E2eOptions = {
  /**
   * The local wall-clock time (`YYYY-MM-DDTHH:mm`, in the project's `timezoneId`) every test starts at;
   * playwright.config.ts picks hard ones (23:30, 00:30, daylight-saving days, month ends) per project.
   */
  wallClock: string;
};

type Fixtures = E2eOptions & {
  /** The test's clock: the preview, the simulator and the page all follow it. */
  clock: TestClock;
  simulatorOptions: SimulatorOptions;
  simulator: Simulator & { url: string };
  preview: Preview;
  desktop: Page;
  popup: FrameLocator;
};

export const test = base.extend<Fixtures>({
  wallClock: ['2026-11-01T00:30', { option: true }],
  clock: async ({ timezoneId, wallClock }, use) => {
    await use(createTestClock(timezoneId ?? machineZone(), wallClock));
  },
  simulatorOptions: [{ keyCount: 30 }, { option: true }],
  simulator: async ({ simulatorOptions, clock }, use) => {
    const simulator = createSimulator({ now: () => clock.now(), ...simulatorOptions });
    const server = await startSimulatorServer(simulator);
    await use(Object.assign(simulator, { url: server.url }));
    await server.close();
  },
  preview: async ({ simulator, clock }, use) => {
    const preview = await startPreview({ baseUrl: simulator.url, clock });
    await use(preview);
    await preview.stop();
  },
  desktop: async ({ page, preview, clock }, use) => {
    // The popup's own reads of the time (the create dialog's presets) follow the test clock too. Its timers
    // keep running in real time: a move only sets the time, it does not fire them.
    await page.clock.install({ time: clock.now() });
    clock.follow((now) => page.clock.setSystemTime(now));
    await page.goto(preview.url);
    await use(page);
  },
  popup: async ({ desktop }, use) => {
    await use(desktop.frameLocator('iframe[title="Keytray popup"]'));
  },
});

export { expect };

/** Clicks the tray icon until the popup shows (it toggles). */
export async function openPopup(desktop: Page) {
  const frame = desktop.getByTitle('Keytray popup');
  if (!(await frame.isVisible())) await desktop.getByRole('button', { name: /^Keytray/ }).click();
  await expect(frame).toBeVisible();
}

/** Connects the popup with a key, as a person pasting it. */
export async function connectWith(desktop: Page, popup: FrameLocator, apiKey: string) {
  await openPopup(desktop);
  await popup.getByLabel('Telnyx API key').fill(apiKey);
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();
}

export const idOf = (fullKey: string) => fullKey.slice(0, fullKey.indexOf('_'));

/** The popup's live region; read even while the popup is hidden (after "Hide after copy"). */
export const liveRegion = (popup: FrameLocator) => popup.locator('[role="status"][aria-live="polite"]');

/**
 * Records what crosses into the popup: every bridge answer (with its channel) and, once `listenForEvents()`
 * has run (after the popup loaded), every event main pushes. For the checks that no secret crosses.
 */
export function recordBridgeTraffic(desktop: Page) {
  const answers: { channel: string; body: string }[] = [];
  desktop.on('response', async (response) => {
    if (!response.url().endsWith('/api/invoke')) return;
    const channel =
      (JSON.parse(response.request().postData() ?? '{}') as { channel?: string }).channel ?? '?';
    answers.push({ channel, body: await response.text().catch(() => '') });
  });
  const frame = () => desktop.frame({ url: /\/popup\// });
  return {
    answers,
    async listenForEvents() {
      await frame()?.evaluate((names) => {
        const seen: unknown[] = [];
        (window as unknown as { seenEvents: unknown[] }).seenEvents = seen;
        for (const name of names) window.keytray.on(name, (payload: unknown) => seen.push({ name, payload }));
      }, EVENT_NAMES);
    },
    events: async () =>
      JSON.stringify(
        await frame()?.evaluate(() => (window as unknown as { seenEvents: unknown[] }).seenEvents),
      ),
    dom: async () => (await frame()?.content()) ?? '',
  };
}
