import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { connectWith, expect, idOf, openPopup, test } from './fixtures.js';

/** axe-core on the popup's document: no serious or critical violation on any screen. */
async function audit(desktop: Page, screen: string) {
  const results = await new AxeBuilder({ page: desktop }).include('iframe[title="Keytray popup"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
  return results.passes.length;
}

test('Connect, with and without an error, passes axe', async ({ desktop, popup }) => {
  await openPopup(desktop);
  await expect(popup.getByLabel('Telnyx API key')).toBeVisible();
  expect(await audit(desktop, 'Connect')).toBeGreaterThan(5);
  await popup.getByLabel('Telnyx API key').fill('KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv');
  await popup.getByRole('button', { name: 'Connect' }).click();
  await expect(popup.getByRole('alert')).toBeVisible();
  await audit(desktop, 'Connect with an error');
});

test('the key list, its menu, create and key created pass axe', async ({ desktop, popup, simulator }) => {
  test.setTimeout(90_000);
  await connectWith(desktop, popup, simulator.ownerKey);
  await audit(desktop, 'API keys');
  const id = idOf(simulator.ownerKey);
  // The list is in its default order and virtualised: find the row first.
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await expect(popup.getByRole('menu')).toBeVisible();
  await audit(desktop, 'More actions menu');
  await desktop.keyboard.press('Escape');
  await expect(popup.getByRole('menu')).toBeHidden();

  await popup.getByRole('button', { name: 'Create key' }).click();
  await popup.getByRole('radio', { name: 'No expiration' }).check();
  await audit(desktop, 'Create API key');
  await popup
    .getByRole('dialog', { name: 'Create API key' })
    .getByRole('button', { name: 'Create', exact: true })
    .click();
  await expect(popup.getByRole('dialog', { name: 'Key created' })).toBeVisible();
  await audit(desktop, 'Key created');
});

test('edit tags, add secret, reveal and delete pass axe', async ({ desktop, popup, simulator }) => {
  test.setTimeout(90_000);
  await connectWith(desktop, popup, simulator.ownerKey);
  const id = idOf(simulator.ownerKey);
  const other =
    simulator.state.keys.find((k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone')?.id ?? '';
  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill(id);
  await popup.getByRole('button', { name: `Edit tags ${id}` }).click();
  await audit(desktop, 'Edit tags');
  await desktop.keyboard.press('Escape');
  await search.fill(other);
  await popup.getByRole('button', { name: `Save the full key ${other}` }).click();
  await audit(desktop, 'Save the full key');
  await desktop.keyboard.press('Escape');
  await search.fill(id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Reveal…' }).click();
  await audit(desktop, 'Reveal');
  await desktop.keyboard.press('Escape');
  await search.fill(other);
  await popup.getByRole('button', { name: `More actions ${other}` }).click();
  await popup.getByRole('menuitem', { name: 'Delete…' }).click();
  await audit(desktop, 'Delete');
});

test('settings, V1 tokens and add token pass axe', async ({ desktop, popup, simulator }) => {
  test.setTimeout(90_000);
  await connectWith(desktop, popup, simulator.ownerKey);
  await popup.getByRole('button', { name: 'Settings' }).click();
  await audit(desktop, 'Settings');
  await desktop.keyboard.press('Escape');
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await audit(desktop, 'V1 tokens');
  await popup.getByRole('button', { name: 'Add token' }).click();
  await audit(desktop, 'Add V1 token');
});

test('the simulated desktop with its tray menu passes axe too', async ({ desktop }) => {
  await desktop.getByRole('button', { name: /^Keytray/ }).click({ button: 'right' });
  await expect(desktop.getByRole('menu', { name: 'Keytray menu' })).toBeVisible();
  const results = await new AxeBuilder({ page: desktop }).exclude('iframe').analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});
