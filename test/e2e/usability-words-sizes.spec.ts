import { readFile } from 'node:fs/promises';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { connectWith, expect, idOf, liveRegion, test } from './fixtures.js';
import { audit, findRow, shoot, smallestPopup } from './usability-helpers.js';

/**
 * Issue 11, items 13, 20, 21 and 22: the calendar export, words staff read, every screen usable at 320×440
 * and at the default size, and V1 tokens that explain themselves.
 */

/** How far `inner` sticks out of the popup's frame, in px (0: all of it in view). */
async function outsidePopup(desktop: Page, inner: Locator) {
  const frame = await desktop.getByTitle('Keytray popup').boundingBox();
  const box = await inner.boundingBox();
  if (!frame || !box) return Infinity;
  return Math.max(
    0,
    frame.x - box.x,
    frame.y - box.y,
    box.x + box.width - (frame.x + frame.width),
    box.y + box.height - (frame.y + frame.height),
  );
}

/** The popup at its default size (what the preview draws before a test shrinks it). */
async function defaultPopup(desktop: Page) {
  await desktop.getByTitle('Keytray popup').evaluate((frame) => {
    (frame as HTMLIFrameElement).style.width = '';
    (frame as HTMLIFrameElement).style.height = '';
  });
}

const settings = (popup: FrameLocator) => popup.getByRole('dialog', { name: 'Settings' });

test('Export expiry dates… downloads a calendar with an alarm per chosen reminder, naming keys by name or tags', async ({
  desktop,
  popup,
  simulator,
  clock,
}) => {
  const spare = simulator.state.keys.filter(
    (k) => k.userId !== 'user-gone' && k.value !== simulator.ownerKey,
  );
  for (const key of simulator.state.keys) key.expiresAt = null;
  const [tagged, untagged] = spare;
  if (!tagged || !untagged) throw new Error('no keys');
  Object.assign(tagged, {
    status: 'active',
    tags: ['crm', 'zapier'],
    expiresAt: clock.daysOn(40).toISOString(),
  });
  Object.assign(untagged, { status: 'active', tags: [], expiresAt: clock.daysOn(50).toISOString() });
  await connectWith(desktop, popup, simulator.ownerKey);

  await popup.getByRole('button', { name: 'Settings' }).click();
  // Only 7 days and 1 day before: the calendar's alarms follow.
  // Applied as soon as main has saved it (the box follows the saved setting).
  for (const name of ['30 days before', 'On the day']) {
    const box = settings(popup).getByRole('checkbox', { name });
    await box.click();
    await expect(box).not.toBeChecked();
  }
  const download = desktop.waitForEvent('download');
  await settings(popup).getByRole('button', { name: 'Export expiry dates…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('telnyx-key-expiry.ics');
  const ics = (await readFile((await file.path()) ?? '', 'utf8')).replace(/\r\n /g, '');
  const events = ics.split('BEGIN:VEVENT').slice(1);
  expect(events).toHaveLength(2);
  for (const event of events)
    expect(event.match(/TRIGGER:[^\r]+/g)).toEqual(['TRIGGER:-P7D', 'TRIGGER:-P1D']);
  expect(ics).toContain('SUMMARY:Telnyx API key “crm\\, zapier” expires');
  expect(ics).toContain(
    `SUMMARY:Telnyx API key “${untagged.id.slice(0, 5)}…${untagged.id.slice(-4)}” expires`,
  );
  await expect(liveRegion(popup)).toHaveText(
    'Saved 2 expiry dates to telnyx-key-expiry.ics in your browser’s downloads',
  );
});

test('Settings fits the smallest popup, says its words plainly, and records the shortcut by pressing it', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  await popup.getByRole('button', { name: 'Settings' }).click();
  const dialog = settings(popup);
  expect(await outsidePopup(desktop, dialog)).toBe(0);
  expect(await outsidePopup(desktop, dialog.getByRole('button', { name: 'Done' }))).toBe(0);
  await expect(dialog).not.toContainText('CommandOrControl');
  await shoot(desktop, 'u21-settings');
  await audit(desktop, 'Settings at 320×440');

  const shortcut = dialog.getByRole('textbox', { name: 'Global shortcut' });
  await expect(shortcut).toHaveValue('Ctrl+Shift+K');
  await shortcut.focus();
  await desktop.keyboard.press('Control+Alt+J');
  await expect(shortcut).toHaveValue('Ctrl+Alt+J');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await popup.getByRole('button', { name: 'Settings' }).click();
  await expect(settings(popup).getByRole('textbox', { name: 'Global shortcut' })).toHaveValue('Ctrl+Alt+J');
  await settings(popup).getByRole('textbox', { name: 'Global shortcut' }).press('Backspace');
  await expect(settings(popup).getByRole('textbox', { name: 'Global shortcut' })).toHaveValue('Off');
});

test('every screen and dialog keeps its primary button in view, at 320×440 and at the default size', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id = idOf(simulator.ownerKey);
  const other = simulator.state.keys.find(
    (k) => k.userId !== 'user-gone' && k.value !== simulator.ownerKey && k.status === 'active',
  );
  const screens: { name: string; open: () => Promise<void>; primary: Locator; close: () => Promise<void> }[] =
    [
      {
        name: 'create',
        open: () => popup.getByRole('button', { name: 'Create key' }).click(),
        primary: popup
          .getByRole('dialog', { name: 'Create API key' })
          .getByRole('button', { name: 'Create', exact: true }),
        close: () =>
          popup
            .getByRole('dialog', { name: 'Create API key' })
            .getByRole('button', { name: 'Cancel' })
            .click(),
      },
      {
        name: 'settings',
        open: () => popup.getByRole('button', { name: 'Settings' }).click(),
        primary: settings(popup).getByRole('button', { name: 'Done' }),
        close: () => settings(popup).getByRole('button', { name: 'Done' }).click(),
      },
      {
        name: 'edit-tags',
        open: async () => {
          await findRow(popup, id);
          await popup.getByRole('button', { name: `Edit tags ${id}` }).click();
        },
        primary: popup.getByRole('button', { name: 'Save tags' }),
        close: () =>
          popup
            .getByRole('dialog', { name: `Edit tags ${id}` })
            .getByRole('button', { name: 'Cancel' })
            .click(),
      },
      {
        name: 'save-full-key',
        open: async () => {
          await findRow(popup, other?.id ?? '');
          await popup.getByRole('button', { name: `Save the full key ${other?.id}` }).click();
        },
        primary: popup.getByRole('dialog').getByRole('button', { name: 'Check and save' }),
        close: () => popup.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click(),
      },
      {
        name: 'rename',
        open: async () => {
          await findRow(popup, id);
          await popup.getByRole('button', { name: `More actions ${id}` }).click();
          await popup.getByRole('menuitem', { name: 'Rename…' }).click();
        },
        primary: popup.getByRole('button', { name: 'Save name' }),
        close: () =>
          popup
            .getByRole('dialog', { name: `Rename ${id}` })
            .getByRole('button', { name: 'Cancel' })
            .click(),
      },
      {
        name: 'add-token',
        open: async () => {
          await popup.getByRole('tab', { name: 'V1 tokens' }).click();
          await popup.getByRole('button', { name: 'Add token' }).click();
        },
        primary: popup.getByRole('dialog', { name: 'Add V1 token' }).getByRole('button', { name: 'Save' }),
        close: async () => {
          await popup
            .getByRole('dialog', { name: 'Add V1 token' })
            .getByRole('button', { name: 'Cancel' })
            .click();
          await popup.getByRole('tab', { name: 'API keys' }).click();
        },
      },
    ];
  for (const size of ['320x440', 'default'] as const) {
    if (size === '320x440') await smallestPopup(desktop);
    else await defaultPopup(desktop);
    for (const screen of screens) {
      await screen.open();
      await expect(screen.primary).toBeVisible();
      expect(await outsidePopup(desktop, screen.primary), `${screen.name} at ${size}`).toBe(0);
      if (size === '320x440') {
        await shoot(desktop, `u21-${screen.name}`);
        await audit(desktop, `${screen.name} at 320×440`);
      }
      await screen.close();
    }
  }
});

test('V1 tokens: each field explained, long names clear of the buttons, "Copy headers" says it copies, and copies hide like a key copy', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  await smallestPopup(desktop);
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('button', { name: 'Add token' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Add V1 token' });
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(/what it is for/);
  await expect(dialog.getByLabel('Account email')).toHaveAccessibleDescription(/sign in to Telnyx with/);
  await expect(dialog.getByLabel('Token')).toHaveAccessibleDescription(/V1 API token from Mission Control/);
  await shoot(desktop, 'u22-add-token');
  const name = 'Billing reports for the finance team in Europe';
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Account email').fill('finance.operations.europe@example-enterprise.com');
  await dialog.getByLabel('Token').fill('abcdefghijklmnopqrstuvwxyz0123');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const row = popup.getByRole('list', { name: 'V1 tokens' }).getByRole('listitem');
  const headers = row.getByRole('button', { name: `Copy headers ${name}` });
  await expect(headers).toHaveText('Copy headers');
  const words = await row.locator('.token-main').boundingBox();
  const buttons = await row.locator('.key-actions').boundingBox();
  // Beside each other or one above the other, never on top of each other.
  const apart =
    !words ||
    !buttons ||
    words.x + words.width <= buttons.x ||
    words.y + words.height <= buttons.y ||
    buttons.y + buttons.height <= words.y;
  expect(apart).toBe(true);
  await expect(row.getByText(name)).toBeVisible();
  await expect(row.getByTitle('finance.operations.europe@example-enterprise.com')).toBeVisible();
  await shoot(desktop, 'u22-token-row');
  await audit(desktop, 'V1 tokens at 320×440');

  // "Hide after copy" (on by default): Copy headers leaves the popup open, as a key's Copy as… does; Copy
  // hides it, as a key's Copy does.
  await headers.click();
  await expect.poll(() => preview.clipboard()).toContain('x-api-token');
  await expect(desktop.getByTitle('Keytray popup')).toBeVisible();
  await row.getByRole('button', { name: `Copy ${name}`, exact: true }).click();
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
  await expect.poll(() => preview.clipboard()).toBe('abcdefghijklmnopqrstuvwxyz0123');
});
