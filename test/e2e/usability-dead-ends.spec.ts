import { connectWith, expect, idOf, openPopup, startPreview, test } from './fixtures.js';
import { audit, findRow, localDate, shoot, smallestPopup } from './usability-helpers.js';

/**
 * Issue 11, "Dead ends and lost work" and "Nothing breaks by accident" (items 1, 2, 3, 9, 10): what tripped a
 * member of staff creating a key for "our Zapier integration", and a developer in a hurry.
 */

const TOKEN = 'Vq3xT9bLm2Rk7Wp4Zs8Nd1';

test('without any keyring: the demo keeps V1 tokens in memory; a real account says what to start', async ({
  page,
  simulator,
  clock,
}) => {
  // The README's Quick start on a machine with no Secret Service: no D-Bus session answers here.
  const preview = await startPreview({
    baseUrl: simulator.url,
    clock,
    env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keytray-e2e-bus' },
  });
  try {
    await page.clock.install({ time: clock.now() });
    await page.goto(preview.url);
    const popup = page.frameLocator('iframe[title="Keytray popup"]');
    await openPopup(page);
    await smallestPopup(page);

    // A real key: refused before anything is stored, and the message says what to start.
    await popup.getByLabel('Telnyx API key').fill(simulator.ownerKey);
    await popup.getByRole('button', { name: 'Connect' }).click();
    await expect(popup.getByRole('alert')).toContainText('could not reach the system keychain');
    await expect(popup.getByRole('alert')).toContainText('start GNOME Keyring');
    await shoot(page, 'u01-no-keyring-connect');

    await popup.getByRole('button', { name: 'Try the demo account' }).click();
    await popup.getByRole('tab', { name: 'V1 tokens' }).click();
    await popup.getByRole('button', { name: 'Add token' }).click();
    const dialog = popup.getByRole('dialog', { name: 'Add V1 token' });
    await dialog.getByLabel('Name').fill('Zapier');
    await dialog.getByLabel('Account email').fill('ops@example.com');
    await dialog.getByLabel('Token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const list = popup.getByRole('list', { name: 'V1 tokens' });
    await list.getByRole('button', { name: 'Copy Zapier' }).click();
    await expect.poll(() => preview.clipboard()).toBe(TOKEN);
  } finally {
    await preview.stop();
  }
});

test('a tag typed but not entered is kept, on Create and in Edit tags', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: 'Create key' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Create API key' });
  const tags = dialog.getByRole('textbox', { name: 'Tags' });
  await tags.fill('crm');
  await tags.press('Enter');
  // The way staff type it: a word, then straight to Create.
  await tags.fill('zapier');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(popup.getByRole('dialog', { name: 'Key created' })).toBeVisible();
  const issued = simulator.state.issued[0];
  expect(simulator.state.keys.find((k) => k.id === issued?.id)?.tags).toEqual(['crm', 'zapier']);
  await popup.getByRole('button', { name: 'Done' }).click();

  const id = issued?.id ?? '';
  await findRow(popup, id);
  await popup.getByRole('button', { name: `Edit tags ${id}` }).click();
  const edit = popup.getByRole('dialog', { name: `Edit tags ${id}` });
  await edit.getByRole('textbox', { name: 'Tags' }).fill('billing');
  await edit.getByRole('button', { name: 'Save tags' }).click();
  await expect(edit).toBeHidden();
  expect(simulator.state.keys.find((k) => k.id === id)?.tags).toEqual(['crm', 'zapier', 'billing']);
});

test('a typed tag that is refused stops Create and says why, instead of vanishing', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: 'Create key' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByRole('textbox', { name: 'Tags' }).fill('z'.repeat(65));
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A tag can be at most 64 characters long.');
  await expect(dialog).toBeVisible();
  expect(simulator.state.issued).toEqual([]);
});

test('Key created: Copy first and focused, the id said to be only a name, the clipboard told true', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  await popup.getByRole('button', { name: 'Create key' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByRole('textbox', { name: 'Tags' }).fill('zapier');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const created = popup.getByRole('dialog', { name: 'Key created' });
  await expect(created).toContainText('The id only names the key');
  await expect(created).toContainText('it does not work in place of the key');
  const copy = created.getByRole('button', { name: 'Copy key' });
  await expect(copy).toBeFocused();
  await expect(copy).toHaveClass(/primary/);
  await shoot(desktop, 'u03-key-created');
  await audit(desktop, 'Key created');

  // Enter copies: the main action is where the cursor is.
  await desktop.keyboard.press('Enter');
  const issued = simulator.state.issued[0];
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);
  const said = created.getByText(/on your clipboard|has been cleared/);
  await expect(said).toHaveText('The new key is on your clipboard. The clipboard clears in 30 s.');
  await preview.moveClock({ advanceMs: 30_000 });
  await expect.poll(() => preview.clipboard()).toBeNull();
  await expect(said).toContainText('The clipboard has been cleared');
  await shoot(desktop, 'u03-key-created-cleared');
  await created.getByRole('button', { name: 'Copy key again' }).click();
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);
});

test('Replace: the result says when the clipboard was cleared and copies the new key again', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  const old = simulator.state.keys.find(
    (k) => k.status === 'active' && k.value !== simulator.ownerKey && k.userId !== 'user-gone',
  );
  const id = old?.id ?? '';
  await findRow(popup, id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Replace key…' }).click();
  const dialog = popup.getByRole('dialog', { name: `Replace ${id}` });
  await dialog.getByRole('button', { name: 'Create replacement' }).click();
  const said = dialog.getByText(/on your clipboard|has been cleared/);
  await expect(said).toContainText('is on your clipboard for 30 s');
  const issued = simulator.state.issued[0];
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);

  await preview.moveClock({ advanceMs: 30_000 });
  await expect.poll(() => preview.clipboard()).toBeNull();
  await expect(said).toContainText('The clipboard has been cleared');
  await expect(said).not.toContainText('is on your clipboard');
  await shoot(desktop, 'u03-replace-cleared');
  await dialog.getByRole('button', { name: 'Copy new key again' }).click();
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);
  await expect(said).toContainText('is on your clipboard for 30 s');
});

test('a custom expiry starts tomorrow: today is refused by the picker, tomorrow is taken', async ({
  desktop,
  popup,
  simulator,
  clock,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  await popup.getByRole('button', { name: 'Create key' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Create API key' });
  await dialog.getByRole('radio', { name: 'Custom date' }).check();
  const date = dialog.getByLabel('Expiration date');
  const today = localDate(clock.now(), clock.zone);
  const tomorrow = localDate(clock.daysOn(1), clock.zone);
  await expect(date).toHaveAttribute('min', tomorrow);
  await date.fill(today);
  await shoot(desktop, 'u09-custom-expiry');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  expect(await date.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
  await expect(dialog).toBeVisible();
  expect(simulator.state.issued).toEqual([]);

  await date.fill(tomorrow);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const created = popup.getByRole('dialog', { name: 'Key created' });
  await expect(created).toBeVisible();
  const key = simulator.state.keys.find((k) => k.id === simulator.state.issued[0]?.id);
  expect(localDate(new Date(key?.expiresAt ?? 0), clock.zone)).toBe(tomorrow);
});

test('the wrong kind of credential is named, with where it goes', async ({ desktop, popup, simulator }) => {
  await openPopup(desktop);
  await smallestPopup(desktop);
  // A V1 token on Connect.
  await popup.getByLabel('Telnyx API key').fill(TOKEN);
  await popup.getByRole('button', { name: 'Connect' }).click();
  const connectAlert = popup.getByRole('alert');
  await expect(connectAlert).toContainText('That looks like a V1 token, not an API key.');
  await expect(connectAlert).toContainText('add V1 tokens on the V1 tokens tab');
  await shoot(desktop, 'u10-connect-v1-token');
  await audit(desktop, 'Connect with a V1 token');

  await popup.getByLabel('Telnyx API key').fill(simulator.ownerKey);
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();

  // A V1 token in Save the full key.
  const other = simulator.state.keys.find(
    (k) => k.status === 'active' && k.value !== simulator.ownerKey && k.userId !== 'user-gone',
  );
  const otherId = other?.id ?? '';
  await findRow(popup, otherId);
  await popup.getByRole('button', { name: `Save the full key ${otherId}` }).click();
  const save = popup.getByRole('dialog', { name: `Save the full key ${otherId}` });
  await save.getByLabel('Full key').fill(TOKEN);
  await save.getByRole('button', { name: 'Check and save' }).click();
  await expect(save.getByRole('alert')).toContainText('That looks like a V1 token, not the full API key.');
  await expect(save.getByRole('alert')).toContainText('V1 tokens tab, under "Add token"');
  await shoot(desktop, 'u10-full-key-v1-token');
  await save.getByRole('button', { name: 'Cancel' }).click();

  // An API key as a V1 token.
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('button', { name: 'Add token' }).click();
  const add = popup.getByRole('dialog', { name: 'Add V1 token' });
  await add.getByLabel('Name').fill('Zapier');
  await add.getByLabel('Account email').fill('ops@example.com');
  await add.getByLabel('Token').fill(simulator.memberKey);
  await add.getByRole('button', { name: 'Save' }).click();
  await expect(add.getByRole('alert')).toContainText(
    `That is an API key (${idOf(simulator.memberKey).slice(0, 5)}…`,
  );
  await expect(add.getByRole('alert')).toContainText('"Save the full key"');
  await shoot(desktop, 'u10-token-api-key');
  await audit(desktop, 'Add V1 token with an API key');
});
