import { connectWith, expect, idOf, liveRegion, openPopup, test } from './fixtures.js';
import { audit, bridgeCall, findRow, shoot, smallestPopup } from './usability-helpers.js';

/**
 * Issue 11, "Feedback a person can see" and "Nothing breaks by accident" (items 5, 6, 7, 8): every copy confirmed
 * where the person is looking, messages that leave (or stay) as they should, a disable that can be undone, and
 * a Delete that says which key it is.
 */

const short = (id: string) => `${id.slice(0, 5)}…${id.slice(-4)}`;

test('a copy from the popup is confirmed on the desktop after the popup hides, then the note goes', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id = idOf(simulator.ownerKey);
  await findRow(popup, id);
  await popup.getByRole('button', { name: `Copy ${id}`, exact: true }).click();
  // Hide after copy (on by default) took the popup and its own line away…
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
  // …so the desktop says it, beside the tray icon: what was copied and when the clipboard clears.
  const note = desktop.getByRole('status').filter({ hasText: 'Copied' });
  await expect(note).toHaveText(`Copied ${short(id)}. The clipboard clears in 30 s.`);
  await expect(note).toBeVisible();
  await shoot(desktop, 'u05-copy-confirmed-on-desktop', 'desktop');
  await expect(note).toBeHidden({ timeout: 8_000 });
});

test('a copy from the tray menu is confirmed too', async ({ desktop, popup, simulator, preview }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id = idOf(simulator.ownerKey);
  await findRow(popup, id);
  await popup.getByRole('button', { name: `Pin ${id}` }).click();
  await desktop.getByRole('button', { name: /^Keytray/ }).click({ button: 'right' });
  const menu = desktop.getByRole('menu', { name: 'Keytray menu' });
  await menu.getByRole('menuitem', { name: /^Copy / }).click();
  await expect.poll(() => preview.clipboard()).toBe(simulator.ownerKey);
  await expect(desktop.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    `Copied ${short(id)}. The clipboard clears in 30 s.`,
  );
});

test('a message that something worked leaves by itself; an error stays until dismissed', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  const id = idOf(simulator.ownerKey);
  await findRow(popup, id);
  await popup.getByRole('button', { name: `Pin ${id}` }).click();
  const said = liveRegion(popup);
  await expect(said).toHaveText(`Pinned ${id} to the tray menu`);
  const shown = Date.now();
  await expect(said).toHaveText('', { timeout: 10_000 });
  expect(Date.now() - shown).toBeGreaterThan(3_000);

  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill('no-key-is-called-this');
  await search.press('Enter');
  await expect(said).toHaveText('No key matches that search');
  await shoot(desktop, 'u06-error-stays');
  await audit(desktop, 'An error message with Dismiss');
  // Longer than any success message stays.
  await desktop.waitForTimeout(7_000);
  await expect(said).toHaveText('No key matches that search');
  await popup.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(said).toHaveText('');
  await expect(popup.getByRole('button', { name: 'Dismiss message' })).toHaveCount(0);
});

test("an error of one account does not stay on the next one's screen", async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill('no-key-is-called-this');
  await search.press('Enter');
  await expect(liveRegion(popup)).toHaveText('No key matches that search');
  await popup.getByRole('button', { name: 'Settings' }).click();
  await popup.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Disconnect' }).click();
  await popup
    .getByRole('dialog', { name: 'Disconnect?' })
    .getByRole('button', { name: 'Disconnect' })
    .click();
  await expect(popup.getByLabel('Telnyx API key')).toBeVisible();
  await expect(liveRegion(popup)).toHaveText('');
  await popup.getByRole('button', { name: 'Try the demo account' }).click();
  await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();
  await expect(liveRegion(popup)).not.toContainText('No key matches');
  await expect(popup.getByRole('button', { name: 'Dismiss message' })).toHaveCount(0);
});

test('turning a key off waits 5 s with Undo; Undo sends nothing; otherwise it is sent after the wait', async ({
  desktop,
  popup,
  simulator,
}) => {
  test.setTimeout(60_000);
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  const target = simulator.state.keys.find(
    (k) => k.status === 'active' && k.value !== simulator.ownerKey && k.userId !== 'user-gone',
  );
  const id = target?.id ?? '';
  const status = () => simulator.state.keys.find((k) => k.id === id)?.status;
  const row = await findRow(popup, id);
  const toggle = row.getByRole('switch', { name: `Enabled ${id}` });

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  const waiting = row.getByRole('status');
  await expect(waiting).toContainText('disabling in');
  const undo = waiting.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  expect(status()).toBe('active');
  await shoot(desktop, 'u07-disabling-with-undo');
  await audit(desktop, 'A row disabling, with Undo');
  await undo.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(toggle).toBeFocused();
  await expect(row.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  // Past the window: Undo sent nothing, so nothing arrives late either.
  await desktop.waitForTimeout(6_000);
  expect(status()).toBe('active');

  await toggle.click();
  const clicked = Date.now();
  await expect(row.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect.poll(status, { timeout: 10_000 }).toBe('inactive');
  expect(Date.now() - clicked).toBeGreaterThanOrEqual(5_000);
  await expect(liveRegion(popup)).toHaveText(`Key disabled: ${id}`);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(row.getByRole('button', { name: 'Undo' })).toHaveCount(0);
});

test('Delete says which key it is: name, tags, user and expiry', async ({ desktop, popup, simulator }) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  const target = simulator.state.keys.find(
    (k) =>
      k.status === 'active' &&
      k.tags.length > 0 &&
      k.expiresAt !== null &&
      k.value !== simulator.ownerKey &&
      k.userId !== 'user-gone',
  );
  const id = target?.id ?? '';
  const email = simulator.state.users.find((u) => u.id === target?.userId)?.email ?? 'missing';
  // The name is local to this device; set as Rename… would.
  await bridgeCall(desktop, `window.keytray.keys.rename({ id: ${JSON.stringify(id)}, name: 'Zapier CRM' })`);
  await findRow(popup, id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Delete…' }).click();
  const confirm = popup.getByRole('alertdialog', { name: `Delete ${id}?` });
  const facts = confirm.getByRole('definition');
  await expect(facts).toHaveText([
    'Zapier CRM',
    (target?.tags ?? []).join(', '),
    email,
    /^expires in \d+ days \(.+\)$/,
    'Active',
  ]);
  await expect(confirm.getByRole('term')).toHaveText(['Name', 'Tags', 'User', 'Expiry', 'Status']);
  await shoot(desktop, 'u08-delete-names-the-key');
  await audit(desktop, 'Delete with the key described');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(simulator.state.keys.some((k) => k.id === id)).toBe(true);
});

test('the key Keytray connects with offers no Delete, and says why where it would be', async ({
  desktop,
  popup,
  simulator,
}) => {
  await openPopup(desktop);
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  const id = idOf(simulator.ownerKey);
  const row = await findRow(popup, id);
  await expect(row.getByRole('switch')).toHaveCount(0);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await expect(popup.getByRole('menuitem', { name: 'Delete…' })).toHaveCount(0);
  const why = popup.getByRole('menuitem', { name: 'Keytray connects with this key' });
  await expect(why).toHaveAttribute('aria-disabled', 'true');
  await expect(why).toContainText("can't be deleted");
  await shoot(desktop, 'u08-connected-key-menu');
});
