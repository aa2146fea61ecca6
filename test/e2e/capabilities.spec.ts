import { connectWith, expect, test } from './fixtures.js';

test.describe('a key without the organization key list (it answers 403)', () => {
  test('sees its own keys, no on/off switches, and what the key cannot do, with the portal link', async ({
    desktop,
    popup,
    simulator,
  }) => {
    await connectWith(desktop, popup, simulator.memberKey);
    const own = simulator.state.keys.filter((k) => k.userId === 'user-dev');
    await expect(popup.getByRole('list', { name: 'API keys' }).getByRole('listitem')).toHaveCount(own.length);
    await expect(popup.getByRole('switch')).toHaveCount(0);
    await expect(
      popup.getByText(
        "With this key, Keytray can't turn keys on or off: Telnyx doesn't show it the organization's keys.",
      ),
    ).toBeVisible();
    // Said as what the key can't do: whether the person is the owner is not what Keytray knows.
    await expect(popup.getByText(/organization owner/)).toHaveCount(0);
    await expect(popup.getByRole('link', { name: 'Do it in the Telnyx portal' })).toBeVisible();
  });
});

test.describe('Telnyx without the undocumented routes', () => {
  test.use({ simulatorOptions: { keyCount: 20, guessedRoutes: false } });

  test('a member sees the keys Keytray holds and why, with no dead buttons', async ({
    desktop,
    popup,
    simulator,
  }) => {
    await connectWith(desktop, popup, simulator.memberKey);
    await expect(popup.getByRole('list', { name: 'API keys' }).getByRole('listitem')).toHaveCount(1);
    await expect(
      popup.getByText(
        "Telnyx doesn't list this key's own keys to Keytray either, so you see the keys Keytray holds.",
      ),
    ).toBeVisible();
  });

  test('editing tags, once refused, becomes a sentence with the portal link instead of a button', async ({
    desktop,
    popup,
    simulator,
  }) => {
    await connectWith(desktop, popup, simulator.ownerKey);
    const id =
      simulator.state.keys.find((k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone')?.id ?? '';
    await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
    await popup.getByRole('button', { name: `Edit tags ${id}` }).click();
    const dialog = popup.getByRole('dialog', { name: `Edit tags ${id}` });
    await dialog.getByRole('textbox', { name: 'Tags' }).fill('new');
    await dialog.getByRole('textbox', { name: 'Tags' }).press('Enter');
    await dialog.getByRole('button', { name: 'Save tags' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      /Telnyx doesn't let Keytray edit tags for this account\. Do it in the Telnyx portal/,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(popup.getByRole('button', { name: /^Edit tags / })).toHaveCount(0);
    await expect(
      popup.getByText("Telnyx doesn't let Keytray change the tags of existing keys."),
    ).toBeVisible();
  });
});
