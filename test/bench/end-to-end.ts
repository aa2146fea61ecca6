import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from '@playwright/test';
import { startPreview, type Preview } from '../e2e/fixtures.js';
import { splitPhases, type PhaseSplit, type Span } from './phases.js';
import type { SimulatorMessage, TimedRequest } from './timed-simulator.js';

/**
 * The paths a person waits through, measured as they see them: in Chromium, through the preview shell (the
 * real core and popup), from the click to the frame that shows the result. Each run also says where the time
 * went (network, core, bridge, render; see phases.ts).
 */
const root = join(import.meta.dirname, '..', '..');
export const FRAME_MS = 1000 / 60;

export type TimedSimulator = {
  url: string;
  ownerKey: string;
  /** The requests answered since the last call, on the wall clock. */
  takeRequests(): Promise<TimedRequest[]>;
  /** Gives a key a tag at "Telnyx", so the next sync changes what the row shows. */
  tag(id: string, tag: string): Promise<void>;
  stop(): void;
};

/** The simulator in its own process (timed-simulator.ts), as Telnyx would be. */
export async function startTimedSimulator(keys: number, latencyMs: number): Promise<TimedSimulator> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/bench/timed-simulator.ts',
      '--keys',
      String(keys),
      '--latency',
      String(latencyMs),
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const next = (kind: SimulatorMessage['kind']) =>
    new Promise<SimulatorMessage>((resolve, reject) => {
      const onMessage = (message: SimulatorMessage) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      exited = reject;
    });
  let exited: (error: Error) => void = () => {};
  child.once('exit', (code) => exited(new Error(`the simulator exited with ${code}`)));
  const ready = await next('ready');
  if (ready.kind !== 'ready') throw new Error('the simulator did not start');
  return {
    url: ready.url,
    ownerKey: ready.ownerKey,
    async takeRequests() {
      const answer = next('timings');
      child.send({ kind: 'timings' });
      const message = await answer;
      return message.kind === 'timings' ? message.requests : [];
    },
    async tag(id, tag) {
      const answer = next('tagged');
      child.send({ kind: 'tag', id, tag });
      const message = await answer;
      if (message.kind !== 'tagged' || !message.ok) throw new Error(`the simulator has no key ${id}`);
    },
    stop: () => child.disconnect(),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** What `arm` and `measureReopen` leave on the page's window. */
type Armed = { __bench: { painted: number | null }; __reopen: { painted: number | null } };

/** One click-to-pixels run: the total, its split, and the Telnyx requests made on the way. */
export type Run = {
  timeline: string[];
  total: number;
  /** The click's time on the popup's timeline. */
  start: number;
  /**
   * When the popup held the whole list (the first screen comes before it; see `useKeyList`), from the click;
   * set by `measureConnectAndSync` once the run has settled.
   */
  wholeList?: number;
  phases: PhaseSplit;
  requests: TimedRequest[];
  listRequests: number;
};

/**
 * Arms the popup for one run: the next click's event time is the start; the end is the frame after the DOM
 * first satisfies `done` (a MutationObserver sees the commit; a frame later it is on screen). A string, not a
 * function: tsx's name-keeping helpers do not exist inside the page.
 */
async function arm(frame: Frame, done: string) {
  await frame.evaluate(`(() => {
    performance.clearMeasures('keytray:invoke');
    performance.clearMarks('keytray:invoke-sent');
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000);
    performance.clearMarks('keytray:event');
    const bench = (window.__bench = { start: null, commit: null, painted: null });
    document.addEventListener('click', (event) => { if (bench.start === null) bench.start = event.timeStamp; },
      { capture: true, once: true });
    const check = () => {
      if (bench.start === null || !(${done})) return;
      observer.disconnect();
      bench.commit = performance.now();
      requestAnimationFrame(() => setTimeout(() => (bench.painted = performance.now()), 0));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
}

/** Waits for the armed run to paint; returns it on the popup's timeline with the Telnyx requests converted. */
async function collect(frame: Frame, simulator: TimedSimulator): Promise<Run> {
  await frame.waitForFunction(() => (window as unknown as Armed).__bench.painted !== null, undefined, {
    timeout: 60_000,
  });
  const seen = (await frame.evaluate(`(() => ({
    start: window.__bench.start,
    commit: window.__bench.commit,
    end: window.__bench.painted,
    origin: performance.timeOrigin,
    invokes: (() => {
      // The browser's own record of each request says when main's answer began to arrive, whatever the
      // popup's main thread was doing then (the bridge's marks run only once it is free).
      const requests = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('/api/invoke'));
      return performance.getEntriesByName('keytray:invoke-sent').map((sent) => {
        const done = performance.getEntriesByName('keytray:invoke').find((m) => m.detail.call === sent.detail.call);
        const request = requests.find((r) => r.startTime >= sent.startTime - 1 && !r.used);
        if (request) request.used = true;
        const answered = request && request.responseStart > 0 ? request.responseStart : done ? done.detail.answered : Infinity;
        const parsed = done ? done.startTime + done.duration : Infinity;
        return { sent: sent.startTime, answered: Math.min(answered, parsed), parsed, channel: sent.detail.channel };
      });
    })(),
    events: performance.getEntriesByName('keytray:event').map((m) => ({ at: m.startTime, event: m.detail.event })),
  }))()`)) as {
    events: { at: number; event: string }[];
    start: number;
    commit: number;
    end: number;
    origin: number;
    invokes: { sent: number; answered: number; parsed: number; channel: string }[];
  };
  const requests = (await simulator.takeRequests()).map((r) => ({
    ...r,
    arrived: r.arrived - seen.origin,
    answered: r.answered - seen.origin,
  }));
  const during = requests.filter((r) => r.answered >= seen.start && r.arrived <= seen.end);
  // Only answers in before the list changed on screen led to it; one still on its way is beside the point.
  const used = seen.invokes.filter((i) => i.parsed <= seen.commit);
  const spans: Span[] = used.flatMap((i): Span[] => [
    { phase: 'core', from: i.sent, to: i.answered },
    { phase: 'bridge', from: i.answered, to: i.parsed },
  ]);
  if (during.length > 0) {
    spans.push({
      phase: 'network',
      from: Math.min(...during.map((r) => r.arrived)),
      to: Math.max(...during.map((r) => r.answered)),
    });
  }
  const t = (n: number) => Math.round(n - seen.start);
  const timeline = [
    ...seen.invokes.map((i) => `${t(i.sent)}–${t(i.answered)}–${t(i.parsed)} ${i.channel}`),
    ...seen.events.map((e) => `${t(e.at)} event ${e.event}`),
    ...during.map((r) => `${t(r.arrived)}–${t(r.answered)} telnyx ${r.path}`),
  ].sort((a, b) => parseInt(a) - parseInt(b));
  return {
    timeline,
    total: seen.end - seen.start,
    start: seen.start,
    phases: splitPhases(seen.start, seen.end, spans),
    requests: during,
    listRequests: during.filter((r) => r.path.endsWith('/iam/api_keys')).length,
  };
}

const popupFrame = (page: Page): Frame => {
  const frame = page.frame({ url: /\/popup\// });
  if (!frame) throw new Error('no popup frame');
  return frame;
};

/** A fresh preview (no account, no cache) with the popup open at Connect and the key typed in. */
async function atConnect(browser: Browser, simulator: TimedSimulator) {
  const preview = await startPreview({ baseUrl: simulator.url });
  const page = await browser.newPage({ viewport: { width: 1000, height: 660 } });
  await page.goto(preview.url);
  await page.getByRole('button', { name: /^Keytray/ }).click();
  const popup = page.frameLocator('iframe[title="Keytray popup"]');
  await popup.getByLabel('Telnyx API key').fill(simulator.ownerKey);
  await simulator.takeRequests();
  return { preview, page, popup, frame: popupFrame(page) };
}

async function closeAll(page: Page, preview: Preview) {
  await page.close();
  await preview.stop();
}

/**
 * Connect → the whole list painted (the last row's `aria-setsize` says how many), then Sync now → the list
 * updated (a tag given at "Telnyx" shows in a row), then popup reopened → the cached list on screen.
 */
/** Tags given at "Telnyx" so far: each sync's is new, whichever run and key it lands on. */
let tags = 0;

export async function measureConnectAndSync(
  browser: Browser,
  simulator: TimedSimulator,
  keyCount: number,
  runs: number,
) {
  const connects: Run[] = [];
  const syncs: Run[] = [];
  const reopens: { ms: number; rowsShown: boolean }[] = [];
  for (let i = 0; i < runs; i++) {
    const { preview, page, popup, frame } = await atConnect(browser, simulator);
    try {
      await arm(frame, `document.querySelector('[aria-setsize="${keyCount}"]')`);
      await popup.getByRole('button', { name: 'Connect' }).click();
      const connect = await collect(frame, simulator);
      // Let the work connecting left behind (reminders, tray, cache write) finish before the next click.
      await page.waitForTimeout(1_000);
      // The popup marks each list it takes: the last is the whole list, after the first screen.
      const taken = (await frame.evaluate(
        `performance.getEntriesByName('keytray:keys-data').map((m) => m.startTime)`,
      )) as number[];
      const whole = taken.at(-1);
      connects.push(whole === undefined ? connect : { ...connect, wholeList: whole - connect.start });

      const tag = `bench${(tags += 1)}`;
      const id = await frame.evaluate(
        `/KEY[0-9A-Za-z]{4,64}/.exec(document.querySelector('[aria-setsize]').outerHTML)[0]`,
      );
      await simulator.tag(String(id), tag);
      await simulator.takeRequests();
      await arm(frame, `document.querySelector('[aria-label="API keys"]')?.textContent.includes('${tag}')`);
      await popup.getByRole('button', { name: 'Sync', exact: true }).click();
      syncs.push(await collect(frame, simulator));
      await page.waitForTimeout(1_000);

      reopens.push(await measureReopen(page, keyCount));
    } finally {
      await closeAll(page, preview);
    }
  }
  return { connects, syncs, reopens };
}

/**
 * Popup shown → the cached list on screen: the tray click hides the popup, a second shows it again. From the
 * moment the popup frame stops being hidden to the end of the first frame after it, and whether the rows were
 * in that frame (they are kept while hidden; nothing may hold that frame up).
 */
async function measureReopen(page: Page, keyCount: number) {
  const tray = page.getByRole('button', { name: /^Keytray/ });
  await tray.click();
  await page.getByTitle('Keytray popup').waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);
  await page.evaluate(`(() => {
    const popup = document.querySelector('iframe[title="Keytray popup"]');
    const bench = (window.__reopen = { visible: null, painted: null, rowsShown: false });
    const observer = new MutationObserver(() => {
      if (popup.hidden || bench.visible !== null) return;
      bench.visible = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        bench.rowsShown = !!popup.contentDocument.querySelector('[aria-setsize="${keyCount}"]');
        setTimeout(() => (bench.painted = performance.now()), 0);
      });
    });
    observer.observe(popup, { attributes: true, attributeFilter: ['hidden'] });
  })()`);
  await tray.click();
  await page.waitForFunction(() => (window as unknown as Armed).__reopen.painted !== null);
  const seen = (await page.evaluate('window.__reopen')) as {
    visible: number;
    painted: number;
    rowsShown: boolean;
  };
  return { ms: seen.painted - seen.visible, rowsShown: seen.rowsShown };
}

/** Connect → the first row painted, on a small list with no latency: what Keytray adds to a fast network. */
export async function measureFirstRow(browser: Browser, simulator: TimedSimulator, runs: number) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const { preview, page, popup, frame } = await atConnect(browser, simulator);
    try {
      await arm(frame, `document.querySelector('[aria-setsize]')`);
      await popup.getByRole('button', { name: 'Connect' }).click();
      results.push(await collect(frame, simulator));
    } finally {
      await closeAll(page, preview);
    }
  }
  return results;
}
