import { connectWith, expect, idOf, startPreview, test } from './fixtures.js';
import type { Simulator } from '../../electron/core/telnyx/simulator/index.js';
import type { TestClock } from './test-clock.js';

const DAY = 86_400_000;

/**
 * Only one key of the organization expires: `days` calendar days on, in the zone under test, at `hour:minute`
 * local. Each project starts the clock at 23:30 or 00:30, so an expiry just after midnight is less than
 * `days` × 24 h away (or just more), and the popup must still count calendar days.
 */
function oneExpiringKey(simulator: Simulator, clock: TestClock, days: number, hour: number, minute: number) {
  const key = simulator.state.keys.find(
    (k) => k.userId !== 'user-gone' && k.value !== simulator.ownerKey && k.value !== simulator.memberKey,
  );
  for (const k of simulator.state.keys) k.expiresAt = null;
  if (!key) throw new Error('no key to expire');
  key.expiresAt = clock.daysOn(days, hour, minute).toISOString();
  key.status = 'active';
  key.tags = ['prod', 'sms'];
  return key;
}

test('a key 8 days from expiry: a day later one "in 7 days" notification; clicking it opens the popup on that key; no repeat after a restart', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  const key = oneExpiringKey(simulator, clock, 8, 0, 10);
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect
    .poll(async () => (await preview.notifications()).map((n) => n.title))
    .toEqual(['Telnyx key expires in 8 days']);

  // The same time tomorrow: 23, 24 or 25 hours on.
  await preview.moveClock({ now: clock.daysOn(1).toISOString() });
  const notifications = await preview.notifications();
  expect(notifications.map((n) => n.title)).toEqual([
    'Telnyx key expires in 8 days',
    'Telnyx key expires in 7 days',
  ]);
  expect(notifications[1]?.body).toMatch(
    /^KEY\w{2}…\w{4} \(prod, sms\) stops working on \w{3} \d{1,2} \w{3} — anything using it will fail\.$/,
  );
  expect(notifications[1]?.keyIds).toEqual([key.id]);

  await desktop
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: /Telnyx key expires in 7 days/ })
    .click();
  await expect(desktop.getByTitle('Keytray popup')).toBeVisible();
  await expect(popup.getByText('Showing the key from the reminder.')).toBeVisible();
  await expect(popup.getByRole('list', { name: 'API keys' }).getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByRole('listitem')).toHaveAttribute(
    'aria-label',
    new RegExp(`^${key.id}, Active, expires in 7 days`),
  );

  // Restart on the same settings folder: the reminder log came along, nothing is repeated.
  await preview.stop();
  const again = await startPreview({
    baseUrl: simulator.url,
    userData: preview.userData,
    service: preview.service,
    clock,
  });
  try {
    await again.moveClock({ now: clock.daysOn(1).toISOString() });
    await again.moveClock({ now: clock.daysOn(1).toISOString() });
    expect(await again.notifications()).toEqual([]);
  } finally {
    await again.stop();
  }
});

test('replace a key: the new one is copied, and the old one is disabled 24 hours later', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  const old = oneExpiringKey(simulator, clock, 40, 12, 0);
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: `More actions ${old.id}` }).click();
  await popup.getByRole('menuitem', { name: 'Replace key…' }).click();
  const dialog = popup.getByRole('dialog', { name: `Replace ${old.id}` });
  await dialog.getByRole('button', { name: 'Create replacement' }).click();
  const issued = await expect
    .poll(() => simulator.state.issued[0]?.value)
    .toBeDefined()
    .then(() => simulator.state.issued[0]);
  await expect(dialog).toContainText(issued?.id ?? 'missing');
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);
  expect(simulator.state.keys.find((k) => k.id === issued?.id)?.tags).toEqual(['prod', 'sms']);

  await dialog.getByRole('radio', { name: 'In 24 hours' }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: old.id })).toContainText(/disabled in 24 h/);

  // "In 24 hours" means 24 hours, whatever the calendar says.
  await preview.moveClock({ advanceMs: DAY - 60_000 });
  expect(simulator.state.keys.find((k) => k.id === old.id)?.status).toBe('active');
  await preview.moveClock({ advanceMs: 61_000 });
  await expect.poll(() => simulator.state.keys.find((k) => k.id === old.id)?.status).toBe('inactive');
  expect((await preview.notifications()).map((n) => n.title)).toContain(
    'Old Telnyx key disabled, as planned',
  );
});

test('a pinned key is copied from the tray menu', async ({ desktop, popup, simulator, preview }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id = idOf(simulator.ownerKey);
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `Pin ${id}` }).click();
  await expect(popup.getByRole('button', { name: `Pin ${id}` })).toHaveAttribute('aria-pressed', 'true');
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Tray label…' }).click();
  await popup
    .getByRole('dialog', { name: `Tray label ${id}` })
    .getByLabel('Label')
    .fill('Owner key');
  await popup.getByRole('button', { name: 'Save label' }).click();

  await desktop.getByRole('button', { name: /^Keytray/ }).click({ button: 'right' });
  const menu = desktop.getByRole('menu', { name: 'Keytray menu' });
  await menu.getByRole('menuitem', { name: 'Copy Owner key' }).click();
  await expect.poll(() => preview.clipboard()).toBe(simulator.ownerKey);
});

test('a reminder can be snoozed from the popup it opens', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  const key = oneExpiringKey(simulator, clock, 7, 23, 50);
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect.poll(async () => (await preview.notifications()).length).toBe(1);
  await desktop
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: /Telnyx key expires in 7 days/ })
    .click();
  await popup.getByRole('button', { name: 'Snooze the reminder' }).click();
  await popup.getByRole('menuitem', { name: 'Snooze until the next reminder' }).click();
  await expect(popup.locator('[role="status"][aria-live="polite"]')).toHaveText(
    'Reminder snoozed until the next reminder',
  );
  // The next lead time (1 day before) comes when the sixth day begins: five days on, still quiet.
  await preview.moveClock({ now: clock.daysOn(5).toISOString() });
  expect(await preview.notifications()).toHaveLength(1);
  await preview.moveClock({ now: clock.daysOn(1).toISOString() });
  await expect
    .poll(async () => (await preview.notifications()).map((n) => [n.title, n.keyIds]))
    .toEqual([
      ['Telnyx key expires in 7 days', [key.id]],
      ['Telnyx key expires tomorrow', [key.id]],
    ]);
});
