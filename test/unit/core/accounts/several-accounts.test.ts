import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../electron/core/errors.js';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';
import { createMemoryDocumentStore } from '../../../../electron/core/settings/json-store.js';
import {
  DEFAULT_SETTINGS,
  EMPTY_KEY_CACHE,
  type KeyCache,
} from '../../../../electron/core/settings/stored-state.js';
import { createSimulator, organizationFor } from '../../../../electron/core/telnyx/simulator/index.js';
import { START, createCoreHarness, value } from '../../../fixtures/core-harness.js';

/** Production (seed 42) and Staging (seed 7), both behind one fetch, as Telnyx serves both at one URL. */
function twoOrganizations() {
  const production = createSimulator({ keyCount: 20, seed: 42, now: () => START });
  const staging = createSimulator({ keyCount: 12, seed: 7, now: () => START });
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    return organizationFor(request, [production, staging]).fetch(request);
  };
  return { production, staging, fetch };
}

function sameComputer() {
  return {
    secrets: createMemorySecretStore(),
    state: createMemoryDocumentStore(DEFAULT_SETTINGS),
    keyCache: createMemoryDocumentStore<KeyCache>(EMPTY_KEY_CACHE),
  };
}

const idOf = (fullKey: string) => fullKey.split('_')[0] ?? '';

async function withTwoAccounts() {
  const orgs = twoOrganizations();
  const computer = sameComputer();
  const h = createCoreHarness({ ...computer, simulatorInstance: orgs.production, fetch: orgs.fetch });
  const keychain = computer.secrets;
  value(await h.core.handlers['account.connect']({ apiKey: orgs.production.ownerKey, name: 'Production' }));
  value(await h.core.handlers['account.connect']({ apiKey: orgs.staging.ownerKey, name: 'Staging' }));
  return { ...h, ...orgs, computer, keychain };
}

describe('several accounts', () => {
  it('adds a second account with its name; the list marks the active one; each account lists only its own keys', async () => {
    const h = await withTwoAccounts();
    const accounts = value(await h.core.handlers['account.list'](undefined));
    expect(accounts.map((a) => [a.id, a.name, a.mode, a.active])).toEqual([
      ['u:user-owner-42', 'Production', 'telnyx', false],
      ['u:user-owner-7', 'Staging', 'telnyx', true],
    ]);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({
      connected: true,
      name: 'Staging',
      accountId: 'u:user-owner-7',
      accountCount: 2,
    });
    const stagingIds = new Set(h.staging.state.keys.map((k) => k.id));
    const productionIds = new Set(h.production.state.keys.map((k) => k.id));
    const staging = value(await h.core.handlers['keys.list'](undefined)).keys;
    expect(staging.length).toBeGreaterThan(0);
    expect(staging.every((k) => stagingIds.has(k.id))).toBe(true);

    value(await h.core.handlers['account.switch']({ id: 'u:user-owner-42' }));
    // Before any sync: the list kept for Production shows at once, and none of Staging's keys is in it.
    const production = value(await h.core.handlers['keys.list'](undefined)).keys;
    expect(production.length).toBeGreaterThan(0);
    expect(production.every((k) => productionIds.has(k.id))).toBe(true);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Production' });
    // The connecting keys: one keychain entry per account, none under the old single name.
    expect(await h.secrets.get('u:user-owner-42/account')).toBe(h.production.ownerKey);
    expect(await h.secrets.get('u:user-owner-7/account')).toBe(h.staging.ownerKey);
    expect(await h.secrets.get('account')).toBeNull();
  });

  it('names accounts "Account 1", "Account 2" when no name is given, and the demo "Demo"; the demo is one of the accounts', async () => {
    const orgs = twoOrganizations();
    const h = createCoreHarness({ ...sameComputer(), simulatorInstance: orgs.production, fetch: orgs.fetch });
    value(await h.core.handlers['account.connect']({ apiKey: orgs.production.ownerKey }));
    value(await h.core.handlers['account.connectDemo'](undefined));
    value(await h.core.handlers['account.connect']({ apiKey: orgs.staging.ownerKey }));
    const accounts = value(await h.core.handlers['account.list'](undefined));
    expect(accounts.map((a) => a.name)).toEqual(['Account 1', 'Demo', 'Account 2']);
    // Switching to the demo and back: it is the same simulated organization (a key it created is still there).
    value(await h.core.handlers['account.switch']({ id: 'demo' }));
    const created = value(await h.core.handlers['keys.create']({ tags: ['demo-made'], expiresAt: null }));
    value(await h.core.handlers['account.switch']({ id: 'u:user-owner-42' }));
    value(await h.core.handlers['account.switch']({ id: 'demo' }));
    const demoKeys = value(await h.core.handlers['keys.sync'](undefined)).keys;
    expect(demoKeys.some((k) => k.id === created.key.id)).toBe(true);
  });

  it('connecting an account that is already added switches to it and keeps its name', async () => {
    const h = await withTwoAccounts();
    value(await h.core.handlers['account.connect']({ apiKey: h.production.ownerKey }));
    const accounts = value(await h.core.handlers['account.list'](undefined));
    expect(accounts.map((a) => [a.name, a.active])).toEqual([
      ['Production', true],
      ['Staging', false],
    ]);
  });

  it('renames an account; a name with control or text-direction characters, or an empty one, is refused and nothing changes', async () => {
    const h = await withTwoAccounts();
    const renamed = value(
      await h.core.handlers['account.rename']({ id: 'u:user-owner-42', name: '  Prod EU ' }),
    );
    expect(renamed.map((a) => a.name)).toEqual(['Prod EU', 'Staging']);
    for (const name of ['', '   ', 'Prod\u202eUE', 'a\nb', 'x'.repeat(41)]) {
      const refused = await h.core.handlers['account.rename']({ id: 'u:user-owner-42', name });
      expect(refused.ok).toBe(false);
    }
    // Another account's name (any case) is refused: the two could not be told apart.
    const same = await h.core.handlers['account.rename']({ id: 'u:user-owner-42', name: 'staging' });
    expect(!same.ok && same.error.message).toBe(
      'Another account is already called “Staging”. Choose another name.',
    );
    const unknown = await h.core.handlers['account.rename']({ id: 'u:nobody', name: 'Ghost' });
    expect(!unknown.ok && unknown.error.message).toBe('That account is no longer in Keytray.');
    expect(value(await h.core.handlers['account.list'](undefined)).map((a) => a.name)).toEqual([
      'Prod EU',
      'Staging',
    ]);
  });

  it('removing an account that is not active deletes exactly its keychain entries, settings and cached list', async () => {
    const h = await withTwoAccounts();
    // Staging holds a saved full key, a V1 token and a pin.
    const saved = h.staging.state.keys.find(
      (k) => k.value !== h.staging.ownerKey && k.userId !== 'user-gone',
    );
    if (!saved) throw new Error('no key to save');
    value(await h.core.handlers['keys.saveSecret']({ id: saved.id, value: saved.value }));
    value(await h.core.handlers['keys.pin']({ id: saved.id, pinned: true, label: null }));
    value(
      await h.core.handlers['tokens.add']({
        name: 'Staging v1',
        email: 'ops@example.com',
        token: 'ab12cd34-ef56-4a78-9b01-23456789abcd',
      }),
    );
    value(await h.core.handlers['account.switch']({ id: 'u:user-owner-42' }));
    const productionEntries = (await h.secrets.names()).filter((n) => n.startsWith('u:user-owner-42/'));
    expect((await h.secrets.names()).filter((n) => n.startsWith('u:user-owner-7/')).length).toBe(4);

    const status = value(await h.core.handlers['account.remove']({ id: 'u:user-owner-7' }));
    expect(status).toMatchObject({ connected: true, name: 'Production', accountCount: 1 });
    expect((await h.secrets.names()).filter((n) => n.startsWith('u:user-owner-7/'))).toEqual([]);
    expect((await h.secrets.names()).filter((n) => n.startsWith('u:user-owner-42/'))).toEqual(
      productionEntries,
    );
    const file = h.state.read();
    expect(Object.keys(file.accounts)).not.toContain('u:user-owner-7');
    expect(file.known.map((k) => k.name)).toEqual(['Production']);
    expect(h.keyCache.read().scope).not.toBe('u:user-owner-7');

    // Added again: nothing of before comes back (no saved key, no token, no pin).
    value(await h.core.handlers['account.connect']({ apiKey: h.staging.ownerKey, name: 'Staging' }));
    const list = value(await h.core.handlers['keys.list'](undefined));
    expect(list.keys.find((k) => k.id === saved.id)).toMatchObject({ hasSecret: false, pinned: false });
    expect(value(await h.core.handlers['tokens.list'](undefined))).toEqual([]);
  });

  it('removing the active account makes the next one active; removing the last leaves Connect', async () => {
    const h = await withTwoAccounts();
    const next = value(await h.core.handlers['account.remove']({ id: 'u:user-owner-7' }));
    expect(next).toMatchObject({ connected: true, name: 'Production', keyId: idOf(h.production.ownerKey) });
    const list = value(await h.core.handlers['keys.list'](undefined)).keys;
    const stagingIds = new Set(h.staging.state.keys.map((k) => k.id));
    expect(list.some((k) => stagingIds.has(k.id))).toBe(false);
    expect(value(await h.core.handlers['account.remove']({ id: 'u:user-owner-42' }))).toEqual({
      connected: false,
    });
    expect(await h.secrets.names()).toEqual([]);
    expect(h.state.read()).toMatchObject({ account: null, known: [] });
  });

  it('a full key held only in memory is listed with its account, so removing it can say so first', async () => {
    const h = await withTwoAccounts();
    h.keychain.breakWith(
      new AppError('keychain-unavailable', 'Keytray could not reach the system keychain.'),
    );
    const created = value(await h.core.handlers['keys.create']({ tags: ['ci'], expiresAt: null }));
    h.keychain.breakWith(null);
    expect(created.saved).toBe(false);
    const key = created.key;
    const accounts = value(await h.core.handlers['account.list'](undefined));
    expect(accounts.find((a) => a.name === 'Staging')?.unsavedKeyIds).toEqual([key.id]);
    expect(accounts.find((a) => a.name === 'Production')?.unsavedKeyIds).toEqual([]);
    value(await h.core.handlers['account.remove']({ id: 'u:user-owner-7' }));
    // Gone with the account: quitting no longer asks about it.
    expect(value(await h.core.handlers['keys.unsaved'](undefined))).toEqual({ keyIds: [], elsewhere: 0 });
  });

  it('switching to an account whose key left the keychain changes nothing and says what to do', async () => {
    const h = await withTwoAccounts();
    await h.secrets.delete('u:user-owner-42/account');
    const result = await h.core.handlers['account.switch']({ id: 'u:user-owner-42' });
    expect(!result.ok && result.error.message).toBe(
      'The key of “Production” is no longer in the system keychain. Remove the account and add it again.',
    );
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Staging' });
    // From the tray menu, where nothing else would say it: a notification.
    await h.core.trayAction({
      kind: 'account',
      label: 'Production',
      accountId: 'u:user-owner-42',
      active: false,
    });
    expect(h.desktop.notifications.at(-1)).toMatchObject({
      title: 'Keytray could not switch accounts',
      body: 'The key of “Production” is no longer in the system keychain. Remove the account and add it again.',
    });
  });

  it('restarts on the account that was active, with every account still known', async () => {
    const h = await withTwoAccounts();
    value(await h.core.handlers['account.switch']({ id: 'u:user-owner-42' }));
    const again = createCoreHarness({ ...h.computer, simulatorInstance: h.production, fetch: h.fetch });
    expect(await again.core.start()).toMatchObject({ connected: true, name: 'Production', accountCount: 2 });
    value(await again.core.handlers['account.switch']({ id: 'u:user-owner-7' }));
    expect(value(await again.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Staging' });
  });

  it('disconnecting the active account takes it off the list and makes the next one active', async () => {
    const h = await withTwoAccounts();
    expect(value(await h.core.handlers['account.disconnect'](undefined))).toMatchObject({
      connected: true,
      name: 'Production',
      accountCount: 1,
    });
    expect(await h.secrets.get('u:user-owner-7/account')).toBeNull();
  });
});

describe('the tray menu with several accounts', () => {
  it('lists the accounts, groups pinned items by account, copies another account’s item without switching, and switches', async () => {
    const h = await withTwoAccounts();
    // Staging (active): a saved full key, pinned.
    const key = h.staging.state.keys.find((k) => k.value !== h.staging.ownerKey && k.userId !== 'user-gone');
    if (!key) throw new Error('no key');
    value(await h.core.handlers['keys.saveSecret']({ id: key.id, value: key.value }));
    value(await h.core.handlers['keys.pin']({ id: key.id, pinned: true, label: 'Staging bot' }));
    value(await h.core.handlers['account.switch']({ id: 'u:user-owner-42' }));

    // The tray is redrawn after the answer.
    await vi.waitFor(() =>
      expect(h.desktop.tray?.menu.find((i) => i.kind === 'account' && i.active)).toMatchObject({
        label: 'Production',
      }),
    );
    const menu = h.desktop.tray?.menu ?? [];
    expect(
      menu.filter((i) => i.kind === 'account').map((i) => [i.label, i.kind === 'account' && i.active]),
    ).toEqual([
      ['Production', true],
      ['Staging', false],
    ]);
    const labels = menu.map((i) => ('label' in i ? i.label : '—'));
    expect(labels.slice(labels.indexOf('Staging', labels.indexOf('Staging') + 1))).toEqual(
      expect.arrayContaining(['Staging', 'Copy Staging bot']),
    );
    const copy = menu.find((i) => i.kind === 'copy' && i.label === 'Copy Staging bot');
    if (!copy) throw new Error('no copy item');
    await h.core.trayAction(copy);
    expect(h.desktop.clipboard).toBe(key.value);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Production' });

    const staging = menu.find((i) => i.kind === 'account' && i.label === 'Staging');
    if (!staging) throw new Error('no account item');
    await h.core.trayAction(staging);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Staging' });
    await vi.waitFor(() =>
      expect(h.desktop.tray?.menu.find((i) => i.kind === 'account' && i.active)).toMatchObject({
        label: 'Staging',
      }),
    );
  });
});
