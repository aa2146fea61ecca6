import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { expect } from './fixtures.js';

/** The smallest popup a person may have (issue 11): every changed screen is looked at at this size. */
export const SMALLEST = { width: 320, height: 440 };

/** The simulated desktop's popup shrunk to the smallest size (the renderer lays out to its frame). */
export async function smallestPopup(desktop: Page) {
  await desktop.getByTitle('Keytray popup').evaluate((frame, size) => {
    (frame as HTMLIFrameElement).style.width = `${size.width}px`;
    (frame as HTMLIFrameElement).style.height = `${size.height}px`;
  }, SMALLEST);
}

/**
 * Screenshots of the popup, light and dark, for people to look at; written only when `KEYTRAY_SHOTS_DIR` names
 * a folder (`KEYTRAY_SHOTS_DIR=/tmp/shots npx playwright test usability…`).
 */
export async function shoot(desktop: Page, name: string, what: 'popup' | 'desktop' = 'popup') {
  const folder = process.env['KEYTRAY_SHOTS_DIR'];
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await desktop.emulateMedia({ colorScheme: scheme });
    const path = join(folder, `${name}-${scheme}.png`);
    if (what === 'popup')
      await desktop.getByTitle('Keytray popup').screenshot({ path, animations: 'disabled' });
    else
      await desktop.screenshot({
        path,
        animations: 'disabled',
        clip: { x: 0, y: 0, width: 1000, height: 120 },
      });
  }
  await desktop.emulateMedia({ colorScheme: 'light' });
}

/** axe-core on the popup: no serious or critical violation on this screen. */
export async function audit(desktop: Page, screen: string) {
  const results = await new AxeBuilder({ page: desktop }).include('iframe[title="Keytray popup"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

/** A key's row, found through Search (the list is virtualised: a row out of view is not in the page). */
export async function findRow(popup: FrameLocator, id: string) {
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  const row = popup
    .getByRole('list', { name: 'API keys' })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('button', { name: `Pin ${id}` }) });
  await expect(row).toHaveCount(1);
  return row;
}

/** `YYYY-MM-DD` of an instant in a zone: what a date field shows a person there. */
export const localDate = (at: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);

/** Calls the popup's bridge directly, to arrange what the UI under test does not itself set up. */
export async function bridgeCall(desktop: Page, call: string) {
  const frame = desktop.frame({ url: /\/popup\// });
  if (!frame) throw new Error('no popup frame');
  return frame.evaluate(call);
}
