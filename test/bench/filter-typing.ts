import { chromium } from '@playwright/test';
import { createSimulator, startSimulatorServer } from '../../electron/core/telnyx/simulator/index.js';
import { startPreview } from '../e2e/fixtures.js';

/**
 * Filter as you type over 10,000 keys, in Chromium through the preview shell: for each keystroke, the time
 * from the input event to the frame after React has painted the filtered list. Prints p50 and p95.
 */
export async function measureFilterTyping(keyCount = 10_000) {
  const simulator = createSimulator({ keyCount });
  const server = await startSimulatorServer(simulator);
  const preview = await startPreview({ baseUrl: server.url });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 660 } });
    await page.goto(preview.url);
    await page.getByRole('button', { name: /^Keytray/ }).click();
    const popup = page.frameLocator('iframe[title="Keytray popup"]');
    await popup.getByLabel('Telnyx API key').fill(simulator.ownerKey);
    await popup.getByRole('button', { name: 'Connect' }).click();
    await popup.getByRole('list', { name: 'API keys' }).getByRole('listitem').first().waitFor();
    await page.waitForFunction(() => true);
    const frame = page.frame({ url: /\/popup\// });
    if (!frame) throw new Error('no popup frame');
    await frame.waitForFunction(
      (n) => document.querySelector('[aria-setsize]')?.getAttribute('aria-setsize') === String(n),
      keyCount,
    );
    const queries = [
      'p',
      'pr',
      'pro',
      'prod',
      'prod ',
      'prod o',
      'prod ow',
      'prod own',
      'prod owne',
      'prod owner',
      'k',
      'ke',
      'key',
      'key1',
      'key1a',
      'e',
      'ex',
      'exa',
      'exam',
      'examp',
      'example',
      '',
    ];
    // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
    const times = (await frame.evaluate(`(async (list) => {
      const input = document.querySelector('input[type="search"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const work = [];
      const painted = [];
      for (let round = 0; round < 5; round++) {
        for (const query of list) {
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const start = performance.now();
          setValue.call(input, query);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await Promise.resolve();
          void document.body.offsetHeight;
          work.push(performance.now() - start);
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          painted.push(performance.now() - start);
        }
      }
      return { work, painted };
    })(${JSON.stringify(queries)})`)) as { work: number[]; painted: number[] };
    return {
      keystrokes: times.work.length,
      work: percentiles(times.work),
      painted: percentiles(times.painted),
    };
  } finally {
    await browser.close();
    await preview.stop();
    await server.close();
  }
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

if (process.argv[1]?.endsWith('filter-typing.ts')) {
  const { keystrokes, work, painted } = await measureFilterTyping();
  const f = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`filter as you type over 10,000 keys, ${keystrokes} keystrokes:`);
  console.log(
    `  input → list filtered, rendered and laid out: p50 ${f(work.p50)}, p95 ${f(work.p95)}, max ${f(work.max)}`,
  );
  console.log(
    `  input → next frame painted (includes waiting for vsync): p50 ${f(painted.p50)}, p95 ${f(painted.p95)}`,
  );
}
