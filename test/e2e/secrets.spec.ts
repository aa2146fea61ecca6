import { connectWith, expect, idOf, recordBridgeTraffic, test } from './fixtures.js';

const TOKEN = 'Lk4sPq8Xv2Mn6Bt0Rw3Yz7';

test('no stored secret reaches the popup DOM or a bridge answer, except after Reveal', async ({
  desktop,
  popup,
  simulator,
}) => {
  const traffic = recordBridgeTraffic(desktop);
  await connectWith(desktop, popup, simulator.ownerKey);
  await traffic.listenForEvents();

  const other = simulator.state.keys.find((k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone');
  await popup.getByRole('button', { name: `Add secret ${other?.id}` }).click();
  await popup.getByLabel('Full key').fill(other?.value ?? '');
  await popup.getByRole('button', { name: 'Save secret' }).click();
  await popup.getByRole('button', { name: 'Create key' }).click();
  await popup
    .getByRole('dialog', { name: 'Create API key' })
    .getByRole('button', { name: 'Create', exact: true })
    .click();
  await popup.getByRole('button', { name: 'Copy key', exact: true }).click();
  await popup.getByRole('button', { name: 'Done' }).click();
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('button', { name: 'Add token' }).click();
  const addToken = popup.getByRole('dialog', { name: 'Add V1 token' });
  await addToken.getByLabel('Name').fill('Ops');
  await addToken.getByLabel('Account email').fill('ops@example.com');
  await addToken.getByLabel('Token').fill(TOKEN);
  await addToken.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('button', { name: 'Copy headers Ops' }).click();
  await popup.getByRole('tab', { name: 'API keys' }).click();

  const secrets = [simulator.ownerKey, other?.value ?? 'x', simulator.state.issued[0]?.value ?? 'x', TOKEN];
  const secretParts = secrets.map((s) => (s.includes('_') ? s.slice(s.indexOf('_') + 1) : s));
  const leaks = (text: string) => secretParts.filter((part) => text.includes(part));

  expect(traffic.answers.length).toBeGreaterThan(10);
  for (const answer of traffic.answers)
    expect(leaks(answer.body), `bridge answer of ${answer.channel}`).toEqual([]);
  expect(leaks(await traffic.dom()), 'popup DOM').toEqual([]);
  expect(leaks(await traffic.events()), 'events').toEqual([]);

  // The explicit reveal: now, and only in its own answer, the secret crosses.
  const ownerId = idOf(simulator.ownerKey);
  await popup.getByRole('button', { name: `More actions ${ownerId}` }).click();
  await popup.getByRole('menuitem', { name: 'Reveal…' }).click();
  await popup.getByRole('button', { name: 'Show key' }).click();
  await expect(popup.locator('output.secret')).toHaveText(simulator.ownerKey);
  const revealed = traffic.answers.filter((a) => leaks(a.body).length > 0);
  expect(revealed.map((a) => a.channel)).toEqual(['keys.reveal']);
  await popup.getByRole('button', { name: 'Hide and close' }).click();
  expect(leaks(await traffic.dom()), 'popup DOM after closing Reveal').toEqual([]);
});
