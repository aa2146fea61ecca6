import type { FrameLocator } from '@playwright/test';
import { connectWith, expect, idOf, liveRegion, test } from './fixtures.js';

const row = (popup: FrameLocator, id: string) =>
  popup
    .getByRole('list', { name: 'API keys' })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('button', { name: `Pin ${id}` }) });

test('create a key with three tags and a 30-day expiry, then copy exactly the secret Telnyx issued', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: 'Create key' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Create API key' });
  const tags = dialog.getByRole('textbox', { name: 'Tags' });
  await tags.fill('billing');
  await tags.press('Enter');
  await tags.pressSequentially('sms,');
  await tags.fill('eu-west');
  await tags.press('Enter');
  await expect(dialog.getByRole('button', { name: /^Remove tag / })).toHaveCount(3);
  await dialog.getByRole('radio', { name: '30 days' }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();

  const created = popup.getByRole('dialog', { name: 'Key created' });
  await expect(created).toContainText('Saved in your system keychain');
  const issued = simulator.state.issued[0];
  expect(issued).toBeDefined();
  await expect(created).toContainText(issued?.id ?? 'missing');
  await created.getByRole('button', { name: 'Copy key' }).click();
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);

  const key = simulator.state.keys.find((k) => k.id === issued?.id);
  expect(key?.tags).toEqual(['billing', 'sms', 'eu-west']);
  // 30 calendar days on, at the time of day it was created (the popup's clock follows the test clock).
  expect(Math.abs(Date.parse(key?.expiresAt ?? '') - clock.daysOn(30).getTime())).toBeLessThan(60_000);

  await created.getByRole('button', { name: 'Done' }).click();
  await expect(row(popup, issued?.id ?? '')).toContainText('expires in 30 days');
});

test('disable then enable a key, and see it after a sync', async ({ desktop, popup, simulator }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const target = simulator.state.keys.find(
    (k) =>
      k.status === 'active' &&
      k.expiresAt === null &&
      k.value !== simulator.ownerKey &&
      k.userId !== 'user-gone',
  );
  const id = target?.id ?? '';
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  const toggle = popup.getByRole('switch', { name: `Enabled ${id}` });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(liveRegion(popup)).toHaveText(`Key disabled: ${id}`, {
    // Sent once the 5 s Undo window has passed (usability-feedback-safety.spec).
    timeout: 10_000,
  });
  expect(simulator.state.keys.find((k) => k.id === id)?.status).toBe('inactive');
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(row(popup, id)).toContainText('Disabled');
  await toggle.click();
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(row(popup, id)).toContainText('Active');
  expect(simulator.state.keys.find((k) => k.id === id)?.status).toBe('active');
});

test('edit tags; the eleventh tag is refused', async ({ desktop, popup, simulator }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id =
    simulator.state.keys.find((k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone')?.id ?? '';
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `Edit tags ${id}` }).click();
  const dialog = popup.getByRole('dialog', { name: `Edit tags ${id}` });
  const input = dialog.getByRole('textbox', { name: 'Tags' });
  // The dialog's content may arrive a moment after its frame (loaded on demand): count chips once it is there.
  await expect(input).toBeVisible();
  while ((await dialog.getByRole('button', { name: /^Remove tag / }).count()) > 0) {
    await dialog
      .getByRole('button', { name: /^Remove tag / })
      .first()
      .click();
  }
  for (let i = 1; i <= 10; i++) {
    await input.fill(`tag${i}`);
    await input.press('Enter');
  }
  await input.fill('tag11');
  await input.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('A key can have at most 10 tags.');
  // "tag11" is still typed in the field: Save does not drop it silently, it says why and stays open.
  await dialog.getByRole('button', { name: 'Save tags' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'A key can have at most 10 tags. Remove one, or clear the text in Tags.',
  );
  await expect(dialog).toBeVisible();
  await input.fill('');
  await dialog.getByRole('button', { name: 'Save tags' }).click();
  await expect(dialog).toBeHidden();
  expect(simulator.state.keys.find((k) => k.id === id)?.tags).toEqual(
    Array.from({ length: 10 }, (_, i) => `tag${i + 1}`),
  );
  await expect(row(popup, id)).toHaveAttribute('aria-label', /tags tag1, tag2/);
});

test('delete asks first, then the key is gone at Telnyx and from the list', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id =
    simulator.state.keys.find((k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone')?.id ?? '';
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = popup.getByRole('alertdialog', { name: `Delete ${id}?` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(simulator.state.keys.some((k) => k.id === id)).toBe(true);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Delete…' }).click();
  await confirm.getByRole('button', { name: 'Delete key' }).click();
  await expect(row(popup, id)).toHaveCount(0);
  expect(simulator.state.keys.some((k) => k.id === id)).toBe(false);
});

test('add the secret of a listed key, then copy it', async ({ desktop, popup, simulator, preview }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  // An active key: Telnyx can check its full key (a disabled one asks to save without checking: secrets.spec).
  const key = simulator.state.keys.find(
    (k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone' && k.status === 'active',
  );
  const id = key?.id ?? '';
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `Save the full key ${id}` }).click();
  const dialog = popup.getByRole('dialog', { name: `Save the full key ${id}` });
  await dialog.getByLabel('Full key').fill(simulator.ownerKey);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^That key is KEY.*, not KEY/);
  await dialog.getByLabel('Full key').fill(key?.value ?? '');
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  await expect(dialog).toBeHidden();
  await popup.getByRole('button', { name: `Copy ${id}` }).click();
  await expect.poll(() => preview.clipboard()).toBe(key?.value);
  await expect(liveRegion(popup)).toHaveText(`Copied ${id} — clipboard clears in 30 s`);
  // Hide after copy is on by default: the popup got out of the way.
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
});

test('copy as an environment variable; the clipboard is cleared after the set time', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: 'Settings' }).click();
  const settings = popup.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Clear clipboard after').selectOption({ label: '10 s' });
  await settings.getByRole('button', { name: 'Done' }).click();
  const id = idOf(simulator.ownerKey);
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Copy as…' }).click();
  await popup.getByRole('menuitem', { name: 'Environment variable' }).click();
  await expect.poll(() => preview.clipboard()).toBe(`TELNYX_API_KEY=${simulator.ownerKey}`);
  await expect(liveRegion(popup)).toHaveText(`Copied ${id} — clipboard clears in 10 s`);
  await preview.moveClock({ advanceMs: 9_000 });
  expect(await preview.clipboard()).toBe(`TELNYX_API_KEY=${simulator.ownerKey}`);
  await preview.moveClock({ advanceMs: 1_000 });
  await expect.poll(() => preview.clipboard()).toBeNull();
  await expect(liveRegion(popup)).toHaveText('Clipboard cleared');
});

test('search filters by id, tag and user as you type; tag quick-filters narrow further', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const list = popup.getByRole('list', { name: 'API keys' });
  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill('dev@example.com');
  const devKeys = simulator.state.keys.filter((k) => k.userId === 'user-dev').length;
  await expect(list.getByRole('listitem')).toHaveCount(devKeys);
  await search.fill(idOf(simulator.ownerKey).slice(0, 12).toLowerCase());
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await search.fill('');
  const tagButton = popup.getByRole('button', { name: /^Tag / }).first();
  const tag = ((await tagButton.getAttribute('aria-label')) ?? '').replace('Tag ', '');
  await tagButton.click();
  await expect(tagButton).toHaveAttribute('aria-pressed', 'true');
  const tagged = simulator.state.keys.filter((k) => k.userId !== 'user-gone' && k.tags.includes(tag)).length;
  await expect(list.getByRole('listitem')).toHaveCount(Math.min(tagged, 12));
});

test('the tray shows a tooltip, and its menu opens Keytray', async ({ desktop, popup, simulator }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await desktop.getByRole('button', { name: /^Keytray/ }).click();
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
  const tray = desktop.getByRole('button', {
    name: /^Keytray — \d+ keys? (need attention|expires? within \d+ days|expired in the last 7 days)/,
  });
  await expect(tray).toBeVisible();
  await tray.click({ button: 'right' });
  const menu = desktop.getByRole('menu', { name: 'Keytray menu' });
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Open Keytray',
    'Pin a key or token in Keytray to copy it from here',
    'Sync now',
    'Settings…',
    'Quit',
  ]);
  await menu.getByRole('menuitem', { name: 'Open Keytray' }).click();
  await expect(desktop.getByTitle('Keytray popup')).toBeVisible();
  await expect(popup.getByRole('searchbox', { name: 'Search' })).toBeFocused();
});
