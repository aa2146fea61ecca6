import type { FrameLocator } from '@playwright/test';
import { connectWith, expect, test } from './fixtures.js';

/** Tags set in Telnyx's portal, with a direction override and a line break Keytray would never accept. */
const TRICKY = 'ops\u202eteam';
const BROKEN = 'line\nbreak';
const SHOWN = { tricky: 'ops\ufffdteam', broken: 'line\ufffdbreak' };

const row = (popup: FrameLocator, id: string) =>
  popup
    .getByRole('list', { name: 'API keys' })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('button', { name: `Pin ${id}` }) });

test('tags set in Telnyx are shown cleaned, and an edit sends them back unchanged', async ({
  desktop,
  popup,
  simulator,
}) => {
  // On every key, so the tag is among the quick filters (the most used tags).
  for (const key of simulator.state.keys) key.tags = [TRICKY];
  const target = simulator.state.keys.find(
    (k) => k.status === 'active' && k.value !== simulator.ownerKey && k.userId !== 'user-gone',
  );
  if (!target) throw new Error('the simulator has no active key to edit');
  target.tags = [TRICKY, BROKEN];
  await connectWith(desktop, popup, simulator.ownerKey);
  // The list is in its default order and virtualised: find the row first.
  await popup.getByRole('searchbox', { name: 'Search' }).fill(target.id);

  const item = row(popup, target.id);
  await expect(item).toContainText(SHOWN.tricky);
  await expect(item).toContainText(SHOWN.broken);
  await expect(item).not.toContainText('\u202e');
  await expect(popup.getByRole('button', { name: `Tag ${SHOWN.tricky}` })).toBeVisible();

  await popup.getByRole('button', { name: `Edit tags ${target.id}` }).click();
  const dialog = popup.getByRole('dialog', { name: `Edit tags ${target.id}` });
  await expect(dialog.getByRole('button', { name: `Remove tag ${SHOWN.tricky}` })).toBeVisible();
  const tags = dialog.getByRole('textbox', { name: 'Tags' });
  await tags.fill('sms');
  await tags.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove tag sms' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save tags' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => simulator.state.keys.find((k) => k.id === target.id)?.tags)
    .toEqual([TRICKY, BROKEN, 'sms']);

  // A tag typed here with a direction override is refused in plain words, and nothing is sent.
  await popup.getByRole('button', { name: `Edit tags ${target.id}` }).click();
  await tags.fill('new\u202etag');
  await tags.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('not control or text-direction characters');
});
