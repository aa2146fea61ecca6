import { connectWith, expect, idOf, startPreview, test } from './fixtures.js';
import type { Simulator } from '../../electron/core/telnyx/simulator/index.js';

const DAY = 86_400_000;

/** Only one key of the organization expires: in `days` days (plus a few hours, away from midnight). */
function oneExpiringKey(simulator: Simulator, days: number) {
  const key = simulator.state.keys.find(
    (k) => k.userId !== 'user-gone' && k.value !== simulator.ownerKey && k.value !== simulator.memberKey,
  );
  for (const k of simulator.state.keys) k.expiresAt = null;
  if (!key) throw new Error('no key to expire');
  key.expiresAt = new Date(Date.now() + days * DAY + 3 * 3_600_000).toISOString();
  key.status = 'active';
  key.tags = ['prod', 'sms'];
  return key;
}

test('a key 8 days from expiry: a day later one "in 7 days" notification; clicking it opens the popup on that key; no repeat after a restart', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  const key = oneExpiringKey(simulator, 8);
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect
    .poll(async () => (await preview.notifications()).map((n) => n.title))
    .toEqual(['Telnyx key expires in 8 days']);

  await preview.moveClock({ advanceMs: DAY });
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
  });
  try {
    await again.moveClock({ advanceMs: DAY });
    await again.moveClock({ advanceMs: DAY });
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
}) => {
  const old = oneExpiringKey(simulator, 40);
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

test('a reminder can be snoozed from the popup it opens', async ({ desktop, popup, simulator, preview }) => {
  const key = oneExpiringKey(simulator, 7);
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect.poll(async () => (await preview.notifications()).length).toBe(1);
  await desktop
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: /Telnyx key expires in 7 days/ })
    .click();
  await popup.getByRole('button', { name: 'Until the next reminder' }).click();
  await expect(popup.locator('[role="status"][aria-live="polite"]')).toHaveText(
    'Reminder snoozed until the next reminder',
  );
  // The next lead time (1 day before) is 6 days away: five days on, still quiet.
  await preview.moveClock({ advanceMs: 5 * DAY });
  expect(await preview.notifications()).toHaveLength(1);
  await preview.moveClock({ advanceMs: DAY });
  await expect
    .poll(async () => (await preview.notifications()).map((n) => n.keyIds))
    .toEqual([[key.id], [key.id]]);
});
