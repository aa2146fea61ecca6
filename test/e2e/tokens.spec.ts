import { connectWith, expect, liveRegion, openPopup, test } from './fixtures.js';

const TOKEN = 'Vq3xT9bLm2Rk7Wp4Zs8Nd1';

test('a V1 token is added, its headers copied, and removed', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('button', { name: 'Add token' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Add V1 token' });
  await dialog.getByLabel('Name').fill('Billing export');
  await dialog.getByLabel('Account email').fill('billing@example.com');
  await dialog.getByLabel('Token').fill(TOKEN);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const list = popup.getByRole('list', { name: 'V1 tokens' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: 'Copy headers Billing export' }).click();
  await expect.poll(() => preview.clipboard()).toBe(`x-api-user: billing@example.com\nx-api-token: ${TOKEN}`);
  await expect(liveRegion(popup)).toHaveText('Copied Billing export — clipboard clears in 30 s');
  await list.getByRole('button', { name: 'Copy Billing export' }).click();
  await expect.poll(() => preview.clipboard()).toBe(TOKEN);
  // "Hide after copy" (on by default) hid the popup, as a key's Copy does.
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
  await openPopup(desktop);

  await list.getByRole('button', { name: 'Remove Billing export' }).click();
  await popup
    .getByRole('alertdialog', { name: 'Remove Billing export?' })
    .getByRole('button', { name: 'Remove token' })
    .click();
  await expect(popup.getByText('No V1 tokens yet.')).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Create a token in Mission Control' })).toBeVisible();
});

test('a token that is not shaped like one is refused in plain words', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('button', { name: 'Add token' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Add V1 token' });
  await dialog.getByLabel('Name').fill('Oops');
  await dialog.getByLabel('Account email').fill('a@example.com');
  await dialog.getByLabel('Token').fill('not a token!');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^That does not look like a V1 token/);
});

test('the portal link opens the Telnyx portal through main, nothing else', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('link', { name: 'Create a token in Mission Control' }).click();
  const opened = await fetch(new URL('/__test__/opened', preview.url), {
    headers: { 'x-keytray-token': preview.token },
  });
  expect(await opened.json()).toEqual(['https://portal.telnyx.com/#/app/api-keys']);
});
