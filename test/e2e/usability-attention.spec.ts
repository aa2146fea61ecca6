import type { Page } from '@playwright/test';
import type { Simulator } from '../../electron/core/telnyx/simulator/index.js';
import { connectWith, expect, liveRegion, test } from './fixtures.js';
import type { TestClock } from './test-clock.js';
import { audit, shoot, smallestPopup } from './usability-helpers.js';

/**
 * Issue 11, "One truth about expiry" (items 11, 12, 14): one rule for what needs attention, and one number
 * for it, in the tray's badge and tooltip, the popup's banner and the grouped reminder, each naming its
 * horizon; snoozing that shows; no reminder twice after the connection comes back.
 */

/** Only these keys expire: `days` calendar days on (negative: already expired), at noon local time. */
function expiring(simulator: Simulator, clock: TestClock, days: number[]) {
  const spare = simulator.state.keys.filter(
    (k) => k.userId !== 'user-gone' && k.value !== simulator.ownerKey && k.value !== simulator.memberKey,
  );
  for (const key of simulator.state.keys) {
    key.expiresAt = null;
  }
  return days.map((d, i) => {
    const key = spare[i];
    if (!key) throw new Error('not enough keys');
    key.status = 'active';
    key.tags = [`team${i}`];
    key.expiresAt = clock.daysOn(d, 12, 0).toISOString();
    return key;
  });
}

const trayIcon = (desktop: Page) => desktop.getByRole('button', { name: /^Keytray/ });
const badge = (desktop: Page) => desktop.locator('#badge');

test('the tray, the banner and the grouped reminder give one number, each naming its horizon', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  // 3 days, 20 days (both within the first reminder, 30 days before), expired yesterday; and one 60 days out.
  const [soon, later, gone, far] = expiring(simulator, clock, [3, 20, -1, 60]);
  await connectWith(desktop, popup, simulator.ownerKey);
  const words = '3 keys need attention: 2 expire within 30 days, 1 expired in the last 7 days';

  await expect(trayIcon(desktop)).toHaveAccessibleName(`Keytray — ${words}`);
  await expect(badge(desktop)).toHaveText('3');
  const banner = popup.getByRole('status').filter({ hasText: 'need attention' });
  await expect(banner).toContainText(`${words}.`);
  await expect(banner.getByRole('button', { name: 'Show' })).toBeVisible();

  await expect
    .poll(async () => (await preview.notifications()).map((n) => n.title))
    .toEqual(['3 Telnyx keys need attention']);
  const [note] = await preview.notifications();
  expect(note?.body).toMatch(/^2 expire within 30 days, 1 expired in the last 7 days\. /);
  // A click lists them soonest first: the expired one, then 3 days, then 20 days. The 60-day key is not one.
  expect(note?.keyIds).toEqual([gone?.id, soon?.id, later?.id]);
  expect(note?.keyIds).not.toContain(far?.id);

  await smallestPopup(desktop);
  await shoot(desktop, 'u11-banner');
  await shoot(desktop, 'u11-tray-badge', 'desktop');
  await audit(desktop, 'banner of keys that need attention');
});

test("a reminder's keys soonest first; snoozed from the banner, the badge and the banner show it", async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  const [later, soon] = expiring(simulator, clock, [20, 3]);
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect(badge(desktop)).toHaveText('2');
  await expect.poll(async () => (await preview.notifications()).length).toBe(1);

  await desktop
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: /2 Telnyx keys need attention/ })
    .click();
  await expect(popup.getByText('Showing 2 keys from the reminder.')).toBeVisible();
  const list = popup.getByRole('list', { name: 'API keys' }).getByRole('listitem');
  await expect(list).toHaveCount(2);
  await expect(list.first()).toHaveAttribute('aria-label', new RegExp(`^${soon?.id},`));
  await expect(list.nth(1)).toHaveAttribute('aria-label', new RegExp(`^${later?.id},`));
  await popup.getByRole('button', { name: 'Show all keys' }).click();

  // From the banner: "Snooze…" says what each choice does.
  const banner = popup.getByRole('status').filter({ hasText: '2 keys expire within 30 days' });
  await banner.getByRole('button', { name: 'Snooze reminders for 2 keys' }).click();
  const menu = popup.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Snooze for a day', 'Snooze until the next reminder']);
  await smallestPopup(desktop);
  await shoot(desktop, 'u12-snooze-menu');
  await menu.getByRole('menuitem', { name: 'Snooze for a day' }).click();
  await expect(liveRegion(popup)).toHaveText('2 reminders snoozed until tomorrow');
  await expect(banner).toBeHidden();
  await expect(badge(desktop)).toBeHidden();
  await expect(trayIcon(desktop)).toHaveAccessibleName('Keytray');

  // A day later the snooze is over: they need attention again, and say so.
  await preview.moveClock({ now: clock.daysOn(1, 12, 30).toISOString() });
  await expect(badge(desktop)).toHaveText('2');
});

test('the same reminder does not come twice after the connection comes back', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  const keys = expiring(simulator, clock, [3, 5]);
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect.poll(async () => (await preview.notifications()).length).toBe(1);

  // An outage: Sync fails and the list says it is offline.
  simulator.faults.add({ kind: 'drop', count: 50 });
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(popup.getByText(/^Offline — Telnyx can't be reached/)).toBeVisible({ timeout: 20_000 });
  simulator.faults.clear();
  // Back, but answering a short list for a while (the expiring keys left out), then the whole list again.
  const all = [...simulator.state.keys];
  simulator.state.keys.splice(0, all.length, ...all.filter((k) => !keys.includes(k)));
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(liveRegion(popup)).toHaveText(/^Up to date: /);
  simulator.state.keys.splice(0, simulator.state.keys.length, ...all);
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(popup.getByRole('status').filter({ hasText: '2 keys expire within 30 days' })).toBeVisible();
  await preview.moveClock({ advanceMs: 2 * 60_000 });
  expect((await preview.notifications()).map((n) => n.title)).toEqual(['2 Telnyx keys need attention']);
});
