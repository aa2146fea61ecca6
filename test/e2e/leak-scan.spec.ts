import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connectWith, expect, idOf, recordBridgeTraffic, test } from './fixtures.js';

const TOKEN = 'Pz7Qw2Lr9Ks4Xm1Vb6Nc3T';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('leak scan: after connecting, creating, copying, revealing, replacing and removing, no secret is anywhere it should not be', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  test.setTimeout(90_000);
  const traffic = recordBridgeTraffic(desktop);
  await connectWith(desktop, popup, simulator.ownerKey);
  await traffic.listenForEvents();
  // Keep the popup open through copies.
  await popup.getByRole('button', { name: 'Settings' }).click();
  await popup.getByRole('switch', { name: 'Hide after copy' }).click();
  await popup.getByRole('button', { name: 'Done' }).click();

  const others = simulator.state.keys.filter(
    (k) =>
      k.userId !== 'user-gone' &&
      k.value !== simulator.ownerKey &&
      k.status === 'active' &&
      k.expiresAt === null,
  );
  const [withSecret, toReplace, toDelete] = others;
  // The list is virtualised: bring a key into view the way a person would, by searching for it.
  const find = async (id: string | undefined) => {
    // A closing dialog leaves the page inert for a moment: typing then would go nowhere.
    await expect(popup.locator('dialog[open]')).toHaveCount(0);
    await popup.getByRole('searchbox', { name: 'Search' }).fill(id ?? '');
  };
  // Add the secret of a listed key, then copy it.
  await find(withSecret?.id);
  await popup.getByRole('button', { name: `Save the full key ${withSecret?.id}` }).click();
  await popup.getByLabel('Full key', { exact: true }).fill(withSecret?.value ?? '');
  await popup.getByRole('button', { name: 'Check and save' }).click();
  await popup.getByRole('button', { name: `Copy ${withSecret?.id}` }).click();
  // Create, copy.
  await popup.getByRole('button', { name: 'Create key' }).click();
  await popup
    .getByRole('dialog', { name: 'Create API key' })
    .getByRole('button', { name: 'Create', exact: true })
    .click();
  await popup.getByRole('button', { name: 'Copy key', exact: true }).click();
  await popup.getByRole('button', { name: 'Done' }).click();
  // Reveal: the one place a secret may show.
  const ownerId = idOf(simulator.ownerKey);
  await find(ownerId);
  await popup.getByRole('button', { name: `More actions ${ownerId}` }).click();
  await popup.getByRole('menuitem', { name: 'Reveal…' }).click();
  await popup.getByRole('button', { name: 'Show key' }).click();
  await expect(popup.locator('output.secret')).toHaveText(simulator.ownerKey);
  await popup.getByRole('button', { name: 'Hide and close' }).click();
  // Replace.
  await find(toReplace?.id);
  await popup.getByRole('button', { name: `More actions ${toReplace?.id}` }).click();
  await popup.getByRole('menuitem', { name: 'Replace key…' }).click();
  await popup.getByRole('button', { name: 'Create replacement' }).click();
  await popup.getByRole('radio', { name: 'Now' }).check();
  await popup.getByRole('button', { name: 'Done' }).click();
  // Delete.
  await find(toDelete?.id);
  await popup.getByRole('button', { name: `More actions ${toDelete?.id}` }).click();
  await popup.getByRole('menuitem', { name: 'Delete…' }).click();
  await popup.getByRole('button', { name: 'Delete key' }).click();
  await expect(popup.getByRole('button', { name: `Pin ${toDelete?.id}` })).toHaveCount(0);
  // A V1 token: add, copy its headers, remove.
  await find('');
  await popup.getByRole('tab', { name: 'V1 tokens' }).click();
  await popup.getByRole('button', { name: 'Add token' }).click();
  const add = popup.getByRole('dialog', { name: 'Add V1 token' });
  await add.getByLabel('Name').fill('Ops');
  await add.getByLabel('Account email').fill('ops@example.com');
  await add.getByLabel('Token').fill(TOKEN);
  await add.getByRole('button', { name: 'Save', exact: true }).click();
  await popup.getByRole('button', { name: 'Copy headers Ops' }).click();
  await popup.getByRole('button', { name: 'Remove Ops' }).click();
  await popup.getByRole('button', { name: 'Remove token' }).click();
  await expect(popup.getByText('No V1 tokens yet.')).toBeVisible();
  await expect.poll(() => simulator.state.issued.length).toBe(2);

  const secrets = [
    simulator.ownerKey,
    withSecret?.value,
    toReplace?.value,
    toDelete?.value,
    ...simulator.state.issued.map((i) => i.value),
    TOKEN,
  ]
    .filter((s): s is string => typeof s === 'string')
    .map((s) => ({
      label: s.includes('_') ? s.slice(0, s.indexOf('_')) : 'the V1 token',
      secret: s.includes('_') ? s.slice(s.indexOf('_') + 1) : s,
    }));
  const hits: string[] = [];
  const scan = (place: string, text: string) => {
    for (const { label, secret } of secrets)
      if (text.includes(secret)) hits.push(`${label}'s secret found in ${place}`);
  };

  for (const file of filesUnder(preview.userData)) scan(`the file ${file}`, readFileSync(file, 'utf8'));
  preview
    .logs()
    .split('\n')
    .forEach((line, i) => scan(`log line ${i + 1}`, line));
  scan('the popup DOM', await traffic.dom());
  scan('the events pushed to the popup', await traffic.events());
  for (const answer of traffic.answers)
    if (answer.channel !== 'keys.reveal') scan(`the bridge answer to ${answer.channel}`, answer.body);

  // The scan itself works: it sees what it looks at (files, logs), and finds the one allowed crossing.
  expect(filesUnder(preview.userData).length).toBeGreaterThan(0);
  expect(preview.logs()).toContain('key created');
  const reveal = traffic.answers.filter((a) => a.channel === 'keys.reveal');
  expect(reveal).toHaveLength(1);
  scan('the Reveal answer (allowed)', reveal[0]?.body ?? '');
  expect(hits.pop()).toBe(`${ownerId}'s secret found in the Reveal answer (allowed)`);
  expect(hits, `secrets leaked:\n${hits.join('\n')}`).toEqual([]);
});
