import { expect, idOf, liveRegion, test } from './fixtures.js';

test('keyboard only: connect, create a key and copy it without the mouse', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  // Open the popup from the tray with the keyboard.
  await desktop.keyboard.press('Tab');
  await expect(desktop.getByRole('button', { name: /^Keytray/ })).toBeFocused();
  await desktop.keyboard.press('Enter');
  await expect(desktop.getByTitle('Keytray popup')).toBeVisible();

  await expect(popup.getByLabel('Telnyx API key')).toBeFocused();
  await desktop.keyboard.type(simulator.ownerKey);
  await desktop.keyboard.press('Enter');
  await expect(popup.getByRole('searchbox', { name: 'Search' })).toBeFocused();

  // Create: tab to the Create key button.
  for (
    let i = 0;
    i < 8 &&
    !(await popup.getByRole('button', { name: 'Create key' }).evaluate((b) => b === document.activeElement));
    i++
  ) {
    await desktop.keyboard.press('Shift+Tab');
  }
  await expect(popup.getByRole('button', { name: 'Create key' })).toBeFocused();
  await desktop.keyboard.press('Enter');
  const dialog = popup.getByRole('dialog', { name: 'Create API key' });
  await expect(dialog.getByRole('textbox', { name: 'Tags' })).toBeFocused();
  await desktop.keyboard.type('keyboard');
  await desktop.keyboard.press('Enter');
  await desktop.keyboard.type('ci,');
  await expect(dialog.getByRole('button', { name: /^Remove tag / })).toHaveCount(2);
  // Tab to the expiry choices; arrows move between radios.
  while (
    !(await dialog.getByRole('radio', { name: '90 days' }).evaluate((r) => r === document.activeElement))
  ) {
    await desktop.keyboard.press('Tab');
  }
  await desktop.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: '60 days' })).toBeChecked();
  while (
    !(await dialog.getByRole('button', { name: 'Create' }).evaluate((b) => b === document.activeElement))
  ) {
    await desktop.keyboard.press('Tab');
  }
  await desktop.keyboard.press('Enter');

  const created = popup.getByRole('dialog', { name: 'Key created' });
  await expect(created).toBeVisible();
  const issued = simulator.state.issued[0];
  while (
    !(await created.getByRole('button', { name: 'Copy key' }).evaluate((b) => b === document.activeElement))
  ) {
    await desktop.keyboard.press('Tab');
  }
  await desktop.keyboard.press('Enter');
  await expect.poll(() => preview.clipboard()).toBe(issued?.value);
  await desktop.keyboard.press('Escape');
  await expect(created).toBeHidden();

  // The fastest path: type into Search, Enter copies the first match, the popup hides.
  await desktop.keyboard.press('/');
  await expect(popup.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await desktop.keyboard.type(idOf(simulator.ownerKey).slice(3, 12));
  await desktop.keyboard.press('Enter');
  await expect.poll(() => preview.clipboard()).toBe(simulator.ownerKey);
  await expect(liveRegion(popup)).toHaveText(`Copied ${idOf(simulator.ownerKey)} — clipboard clears in 30 s`);
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
});

test('arrow keys move through the list and Enter copies the focused key; Escape hides the popup', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  const { connectWith } = await import('./fixtures.js');
  await connectWith(desktop, popup, simulator.ownerKey);
  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill(idOf(simulator.ownerKey).slice(0, 10));
  await search.press('ArrowDown');
  const first = popup.getByRole('list', { name: 'API keys' }).getByRole('listitem').first();
  await expect(first).toBeFocused();
  await desktop.keyboard.press('Enter');
  await expect.poll(() => preview.clipboard()).toBe(simulator.ownerKey);
  await desktop.getByRole('button', { name: /^Keytray/ }).click();
  await expect(desktop.getByTitle('Keytray popup')).toBeVisible();
  await popup.getByRole('searchbox', { name: 'Search' }).press('Escape');
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
});
