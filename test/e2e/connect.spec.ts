import { connectWith, expect, idOf, openPopup, startPreview, test } from './fixtures.js';

test('a refused key gets a plain alert and nothing is stored', async ({ desktop, popup, preview }) => {
  await openPopup(desktop);
  await popup.getByLabel('Telnyx API key').fill('KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv');
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByRole('alert')).toHaveText(/That key was refused by Telnyx/);
  // Reopened, it still asks for a key: nothing was kept.
  await desktop.goto(preview.url);
  await openPopup(desktop);
  await expect(popup.getByLabel('Telnyx API key')).toBeVisible();
});

test('something that is not a key is refused before Telnyx is asked', async ({
  desktop,
  popup,
  simulator,
}) => {
  await openPopup(desktop);
  await popup.getByLabel('Telnyx API key').fill('my password');
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByRole('alert')).toHaveText(/does not look like a Telnyx API key/);
  expect(simulator.log).toHaveLength(0);
});

test('the demo account needs no key and shows a seeded organization', async ({ desktop, popup }) => {
  await openPopup(desktop);
  await popup.getByRole('button', { name: 'Try the demo account' }).click();
  const list = popup.getByRole('list', { name: 'API keys' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await expect(popup.getByText('Demo account: simulated keys, nothing reaches Telnyx.')).toBeVisible();
});

test('a real key connects, and the account survives a restart', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await expect(popup.getByRole('listitem')).not.toHaveCount(0);
  await preview.stop();
  const again = await startPreview({
    baseUrl: simulator.url,
    userData: preview.userData,
    service: preview.service,
    clock: preview.clock,
  });
  try {
    await desktop.goto(again.url);
    await openPopup(desktop);
    await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();
    await popup.getByRole('searchbox', { name: 'Search' }).fill(idOf(simulator.ownerKey));
    await expect(popup.getByRole('button', { name: `Copy ${idOf(simulator.ownerKey)}` })).toBeVisible();
  } finally {
    await again.stop();
  }
});

test('the popup is quiet at rest: no bridge calls while nothing happens', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: 'Settings' }).click();
  await desktop.keyboard.press('Escape');
  await desktop.waitForTimeout(500);
  let calls = 0;
  desktop.on('request', (request) => {
    if (request.url().endsWith('/api/invoke')) calls++;
  });
  await desktop.waitForTimeout(1500);
  expect(calls).toBe(0);
});
