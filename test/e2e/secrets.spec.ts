import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import type { SimKey } from '../../electron/core/telnyx/simulator/state.js';
import {
  connectWith,
  expect,
  idOf,
  liveRegion,
  openPopup,
  recordBridgeTraffic,
  startPreview,
  test,
  type Preview,
} from './fixtures.js';

const TOKEN = 'Lk4sPq8Xv2Mn6Bt0Rw3Yz7';

/** An active key of a listed user that Keytray holds no full key for (the owner's is the connected one). */
const otherKey = (keys: SimKey[], ownerKey: string) =>
  keys.find((k) => k.value !== ownerKey && k.userId !== 'user-gone' && k.status === 'active') as SimKey;

/** The list is virtualised: bring a key into view the way a person would, by searching for it. */
async function find(popup: FrameLocator, id: string) {
  // A closing dialog leaves the page inert for a moment: typing then would go nowhere.
  await expect(popup.locator('dialog[open]')).toHaveCount(0);
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
}

/** axe-core on the popup's document: no serious or critical violation (as in accessibility.spec.ts). */
async function audit(desktop: Page, screen: string) {
  const results = await new AxeBuilder({ page: desktop }).include('iframe[title="Keytray popup"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${screen}`,
  ).toEqual([]);
}

/** A paste shaped like a full key of `id` that is not its full key. */
const wrongValueOf = (id: string) => `${id}_WrongWrongWrongWrong12`;

async function saveFullKey(popup: FrameLocator, id: string, value: string) {
  await find(popup, id);
  await popup.getByRole('button', { name: `Save the full key ${id}` }).click();
  const dialog = popup.getByRole('dialog', { name: `Save the full key ${id}` });
  await dialog.getByLabel('Full key').fill(value);
  await dialog.getByRole('button', { name: 'Check and save' }).click();
  return dialog;
}

/** Copies from the row; "Hide after copy" closes the popup, so it is opened again afterwards. */
async function copyFromRow(desktop: Page, popup: FrameLocator, id: string) {
  await popup.getByRole('button', { name: `Copy ${id}`, exact: true }).click();
  await expect(desktop.getByTitle('Keytray popup')).toBeHidden();
  await openPopup(desktop);
}

test('no stored secret reaches the popup DOM or a bridge answer, except after Reveal', async ({
  desktop,
  popup,
  simulator,
}) => {
  const traffic = recordBridgeTraffic(desktop);
  await connectWith(desktop, popup, simulator.ownerKey);
  await traffic.listenForEvents();

  const other = otherKey(simulator.state.keys, simulator.ownerKey);
  await expect(await saveFullKey(popup, other.id, other.value)).toBeHidden();
  await popup.getByRole('searchbox', { name: 'Search' }).fill('');
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

  const secrets = [simulator.ownerKey, other.value, simulator.state.issued[0]?.value ?? 'x', TOKEN];
  const secretParts = secrets.map((s) => (s.includes('_') ? s.slice(s.indexOf('_') + 1) : s));
  const leaks = (text: string) => secretParts.filter((part) => text.includes(part));

  expect(traffic.answers.length).toBeGreaterThan(10);
  for (const answer of traffic.answers)
    expect(leaks(answer.body), `bridge answer of ${answer.channel}`).toEqual([]);
  expect(leaks(await traffic.dom()), 'popup DOM').toEqual([]);
  expect(leaks(await traffic.events()), 'events').toEqual([]);

  // The explicit reveal: now, and only in its own answer, the secret crosses.
  const ownerId = idOf(simulator.ownerKey);
  await find(popup, ownerId);
  await popup.getByRole('button', { name: `More actions ${ownerId}` }).click();
  await popup.getByRole('menuitem', { name: 'Reveal…' }).click();
  await popup.getByRole('button', { name: 'Show key' }).click();
  await expect(popup.locator('output.secret')).toHaveText(simulator.ownerKey);
  const revealed = traffic.answers.filter((a) => leaks(a.body).length > 0);
  expect(revealed.map((a) => a.channel)).toEqual(['keys.reveal']);
  await popup.getByRole('button', { name: 'Hide and close' }).click();
  expect(leaks(await traffic.dom()), 'popup DOM after closing Reveal').toEqual([]);
});

test('Save the full key: a paste Telnyx refuses saves nothing; the right one is checked, saved and copies', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const key = otherKey(simulator.state.keys, simulator.ownerKey);
  const dialog = await saveFullKey(popup, key.id, wrongValueOf(key.id));
  await expect(dialog.getByRole('alert')).toContainText('Telnyx refused that key');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was saved');
  await audit(desktop, 'Save the full key, refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Nothing saved: the row still asks for the full key and offers no Copy.
  await expect(popup.getByRole('button', { name: `Save the full key ${key.id}` })).toBeVisible();
  await expect(popup.getByRole('button', { name: `Copy ${key.id}`, exact: true })).toHaveCount(0);

  await expect(await saveFullKey(popup, key.id, key.value)).toBeHidden();
  await expect(liveRegion(popup)).toHaveText(`Saved the full key of ${key.id}`);
  await copyFromRow(desktop, popup, key.id);
  expect(await preview.clipboard()).toBe(key.value);
});

test('a disabled key cannot be checked: it is saved only on "Save without checking"', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  const key = otherKey(simulator.state.keys, simulator.ownerKey);
  key.status = 'inactive';
  await connectWith(desktop, popup, simulator.ownerKey);
  const dialog = await saveFullKey(popup, key.id, key.value);
  await expect(dialog.getByRole('alert')).toContainText(
    "is disabled, and Telnyx refuses every disabled key, so Keytray can't check",
  );
  await audit(desktop, 'Save the full key, unchecked');
  // Cancel, the one safe way out, saves nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.getByRole('button', { name: `Save the full key ${key.id}` })).toBeVisible();

  await saveFullKey(popup, key.id, key.value);
  await dialog.getByRole('button', { name: 'Save without checking' }).click();
  await expect(dialog).toBeHidden();
  await copyFromRow(desktop, popup, key.id);
  expect(await preview.clipboard()).toBe(key.value);
});

test('Change saved key… replaces a wrong saved key with the right one, after the same check', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  const key = otherKey(simulator.state.keys, simulator.ownerKey);
  key.status = 'inactive';
  await connectWith(desktop, popup, simulator.ownerKey);
  // A wrong paste saved while the key could not be checked (it was disabled) …
  const save = await saveFullKey(popup, key.id, wrongValueOf(key.id));
  await save.getByRole('button', { name: 'Save without checking' }).click();
  await expect(save).toBeHidden();
  // … and the key is on again: Telnyx can check now.
  key.status = 'active';
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: key.id })).toContainText('Active');

  await popup.getByRole('button', { name: `More actions ${key.id}` }).click();
  await popup.getByRole('menuitem', { name: 'Change saved key…' }).click();
  const change = popup.getByRole('dialog', { name: `Change saved key ${key.id}` });
  await expect(change).toContainText('replaces the one Keytray holds now');
  await audit(desktop, 'Change saved key');
  await change.getByLabel('Full key').fill(wrongValueOf(key.id).replace('Wrong', 'Wrung'));
  await change.getByRole('button', { name: 'Check and replace' }).click();
  await expect(change.getByRole('alert')).toContainText('Telnyx refused that key');
  await change.getByLabel('Full key').fill(key.value);
  await change.getByRole('button', { name: 'Check and replace' }).click();
  await expect(change).toBeHidden();
  await copyFromRow(desktop, popup, key.id);
  expect(await preview.clipboard()).toBe(key.value);
});

test('Forget saved key… offers Copy first; afterwards the row asks for the full key again', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const key = otherKey(simulator.state.keys, simulator.ownerKey);
  await expect(await saveFullKey(popup, key.id, key.value)).toBeHidden();

  await popup.getByRole('button', { name: `More actions ${key.id}` }).click();
  await popup.getByRole('menuitem', { name: 'Forget saved key…' }).click();
  const forget = popup.getByRole('dialog', { name: `Forget saved key? ${key.id}` });
  await expect(forget).toContainText('The key keeps working at Telnyx');
  await expect(forget).toContainText('nobody can fetch it again');
  const buttons = forget.getByRole('button');
  await expect(buttons).toHaveText(['Cancel', 'Copy key', 'Forget']);
  await forget.getByRole('button', { name: 'Copy key' }).click();
  await expect(forget.getByRole('status')).toContainText(`Copied`);
  await audit(desktop, 'Forget saved key');
  expect(await preview.clipboard()).toBe(key.value);
  // Copying from here keeps the popup open: the person has not decided yet.
  await expect(desktop.getByTitle('Keytray popup')).toBeVisible();
  await forget.getByRole('button', { name: 'Forget', exact: true }).click();
  await expect(forget).toBeHidden();
  await expect(popup.getByRole('button', { name: `Save the full key ${key.id}` })).toBeVisible();
  await expect(popup.getByRole('button', { name: `Copy ${key.id}`, exact: true })).toHaveCount(0);

  // The key Keytray connects with is never offered for Forget; the menu says why.
  const ownerId = idOf(simulator.ownerKey);
  await find(popup, ownerId);
  await popup.getByRole('button', { name: `More actions ${ownerId}` }).click();
  await expect(popup.getByRole('menuitem', { name: 'Change saved key…' })).toBeVisible();
  await expect(popup.getByRole('menuitem', { name: 'Forget saved key…' })).toHaveCount(0);
  await expect(popup.getByRole('menuitem', { name: 'Keytray connects with this key' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await audit(desktop, 'More actions of the connected key');
});

test('Disconnect asks first; afterwards nothing of the account stays on screen', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const ownerId = idOf(simulator.ownerKey);
  await popup.getByRole('searchbox', { name: 'Search' }).fill(ownerId);
  await copyFromRow(desktop, popup, ownerId);
  await expect(liveRegion(popup)).toContainText(`Copied`);

  await popup.getByRole('button', { name: 'Settings' }).click();
  await popup.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Disconnect' }).click();
  const ask = popup.getByRole('dialog', { name: 'Disconnect?' });
  await expect(ask).toContainText('come back when you connect this account again');
  // Nothing exists only in memory here: nothing to list.
  await expect(ask.getByRole('list')).toHaveCount(0);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();

  await popup.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Disconnect' }).click();
  await ask.getByRole('button', { name: 'Disconnect' }).click();
  await expect(popup.getByLabel('Telnyx API key')).toBeVisible();
  // The previous account's message went with it.
  await expect(liveRegion(popup)).toHaveText('');
});

/**
 * A D-Bus session of its own with a Secret Service in it, for one preview: killing the bus later makes the
 * keychain refuse every write from then on, as a locked or crashed keychain does, without touching the
 * keychain other tests use.
 */
function privateKeychain() {
  const dir = mkdtempSync(join(tmpdir(), 'keytray-bus-'));
  for (const sub of ['run', 'data']) mkdirSync(join(dir, sub), { mode: 0o700 });
  const printed = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  });
  const [address = '', pid = ''] = printed.trim().split('\n');
  const env = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_RUNTIME_DIR: join(dir, 'run'),
    XDG_DATA_HOME: join(dir, 'data'),
  };
  const started = new Promise<void>((resolve, reject) => {
    const daemon = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    daemon.stdin.end('pw');
    daemon.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`gnome-keyring-daemon: ${code}`)),
    );
  });
  let alive = true;
  return {
    env,
    started,
    break() {
      if (alive) process.kill(Number(pid));
      alive = false;
    },
    dispose() {
      this.break();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const brokenKeychain = test.extend<{ keychain: ReturnType<typeof privateKeychain> }>({
  // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern
  keychain: async ({}, use) => {
    const keychain = privateKeychain();
    await keychain.started;
    await use(keychain);
    keychain.dispose();
  },
  preview: async ({ simulator, clock, keychain }, use) => {
    // startPreview spawns before its first await, so the preview alone gets the private bus.
    const saved = { ...process.env };
    Object.assign(process.env, keychain.env);
    let preview: Promise<Preview>;
    try {
      preview = startPreview({ baseUrl: simulator.url, clock });
    } finally {
      for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME'])
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
    }
    const started = await preview;
    await use(started);
    await started.stop();
  },
});

brokenKeychain(
  'full keys held only in memory: Forget, Disconnect? and Quit Keytray? name them and offer Copy',
  async ({ desktop, popup, simulator, preview, keychain }) => {
    test.setTimeout(60_000);
    await connectWith(desktop, popup, simulator.ownerKey);
    keychain.break();
    await popup.getByRole('button', { name: 'Create key' }).click();
    await popup
      .getByRole('dialog', { name: 'Create API key' })
      .getByRole('button', { name: 'Create', exact: true })
      .click();
    const created = popup.getByRole('dialog', { name: 'Key created' });
    await expect(created.getByRole('alert')).toBeVisible();
    const issued = simulator.state.issued.at(-1) ?? { id: '', value: '' };
    await created.getByRole('button', { name: 'Done' }).click();

    // Forget says this copy is the only one.
    await find(popup, issued.id);
    await popup.getByRole('button', { name: `More actions ${issued.id}` }).click();
    await popup.getByRole('menuitem', { name: 'Forget saved key…' }).click();
    const forget = popup.getByRole('dialog', { name: `Forget saved key? ${issued.id}` });
    await expect(forget).toContainText('not in your keychain either');
    await forget.getByRole('button', { name: 'Cancel' }).click();

    // Disconnect? lists it, with Copy, and says when it is lost.
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Disconnect' }).click();
    const ask = popup.getByRole('dialog', { name: 'Disconnect?' });
    await expect(ask).toContainText('quitting loses it');
    await expect(ask).toContainText('comes back if you connect this account again');
    await ask.getByRole('button', { name: `Copy ${issued.id}` }).click();
    await expect.poll(() => preview.clipboard()).toBe(issued.value);
    await audit(desktop, 'Disconnect? with a key held only in memory');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();

    // The tray's Quit asks in the popup instead of quitting.
    const quitFromTray = async () => {
      await desktop.getByRole('button', { name: /^Keytray/ }).click({ button: 'right' });
      await desktop
        .getByRole('menu', { name: 'Keytray menu' })
        .getByRole('menuitem', { name: 'Quit' })
        .click();
    };
    await quitFromTray();
    const quit = popup.getByRole('dialog', { name: 'Quit Keytray?' });
    await expect(quit).toContainText('quitting loses it');
    await quit.getByRole('button', { name: `Copy ${issued.id}` }).click();
    await expect(quit.getByRole('status')).toContainText('Copied');
    await audit(desktop, 'Quit Keytray?');
    await quit.getByRole('button', { name: 'Cancel' }).click();
    await expect(quit).toBeHidden();
    expect(preview.process.exitCode).toBeNull();

    await quitFromTray();
    await quit.getByRole('button', { name: 'Quit anyway' }).click();
    await expect.poll(() => preview.process.exitCode).toBe(0);
  },
);
