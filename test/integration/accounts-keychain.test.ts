import { describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../electron/core/secrets/keychain-store.js';
import { createMemoryDocumentStore } from '../../electron/core/settings/json-store.js';
import {
  DEFAULT_SETTINGS,
  EMPTY_KEY_CACHE,
  SETTINGS_MIGRATIONS,
  SettingsFile,
  type KeyCache,
} from '../../electron/core/settings/stored-state.js';
import { createSimulator, organizationFor } from '../../electron/core/telnyx/simulator/index.js';
import { START, createCoreHarness, value } from '../fixtures/core-harness.js';
import { keyringReady, testService } from '../fixtures/keyring.js';

/** Production (seed 42) and Staging (seed 7) behind one fetch, over the real OS keychain. */
function twoAccountsOn(service: string) {
  const production = createSimulator({ keyCount: 12, seed: 42, now: () => START });
  const staging = createSimulator({ keyCount: 12, seed: 7, now: () => START });
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    return organizationFor(request, [production, staging]).fetch(request);
  };
  const secrets = createKeychainStore(service);
  const h = createCoreHarness({
    secrets,
    state: createMemoryDocumentStore(DEFAULT_SETTINGS),
    keyCache: createMemoryDocumentStore<KeyCache>(EMPTY_KEY_CACHE),
    simulatorInstance: production,
    fetch,
  });
  return { ...h, production, staging, keychain: secrets };
}

describe.runIf(keyringReady)('several accounts on a real gnome-keyring (D-Bus Secret Service)', () => {
  it('Remove deletes exactly that account’s entries: its connecting key, saved full keys and V1 tokens', async () => {
    const h = twoAccountsOn(testService('accounts-remove'));
    value(await h.core.handlers['account.connect']({ apiKey: h.production.ownerKey, name: 'Production' }));
    const prodKey = h.production.state.keys.find(
      (k) => k.value !== h.production.ownerKey && k.userId !== 'user-gone',
    );
    if (!prodKey) throw new Error('no key');
    value(await h.core.handlers['keys.saveSecret']({ id: prodKey.id, value: prodKey.value }));
    value(await h.core.handlers['account.connect']({ apiKey: h.staging.ownerKey, name: 'Staging' }));
    const stagingKey = h.staging.state.keys.find(
      (k) => k.value !== h.staging.ownerKey && k.userId !== 'user-gone',
    );
    if (!stagingKey) throw new Error('no key');
    value(await h.core.handlers['keys.saveSecret']({ id: stagingKey.id, value: stagingKey.value }));
    value(
      await h.core.handlers['tokens.add']({
        name: 'Staging v1',
        email: 'ops@example.com',
        token: 'ab12cd34-ef56-4a78-9b01-23456789abcd',
      }),
    );
    const before = (await h.keychain.names()).sort();
    const production = before.filter((n) => n.startsWith('u:user-owner-42/'));
    expect(production).toEqual(
      [
        'u:user-owner-42/account',
        `u:user-owner-42/key:${h.production.ownerKey.split('_')[0]}`,
        `u:user-owner-42/key:${prodKey.id}`,
      ].sort(),
    );
    expect(before.filter((n) => n.startsWith('u:user-owner-7/'))).toHaveLength(4);

    value(await h.core.handlers['account.remove']({ id: 'u:user-owner-7' }));
    expect((await h.keychain.names()).sort()).toEqual(production);
    expect(await h.keychain.get(`u:user-owner-42/key:${prodKey.id}`)).toBe(prodKey.value);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Production' });
  });

  it('the single `account` entry of a version 2 install moves under the account, and the old one goes', async () => {
    const service = testService('accounts-move');
    const keychain = createKeychainStore(service);
    const production = createSimulator({ keyCount: 12, seed: 42, now: () => START });
    const keyId = production.ownerKey.split('_')[0] ?? '';
    await keychain.set('account', production.ownerKey);
    const migrated = SettingsFile.parse(
      SETTINGS_MIGRATIONS[1]?.({
        preferences: DEFAULT_SETTINGS.preferences,
        account: {
          mode: 'telnyx',
          keyId,
          scope: 'u:user-owner-42',
          isOwner: true,
          connectedAt: START.toISOString(),
        },
        accounts: {},
        legacyFor: null,
      }),
    );
    const h = createCoreHarness({
      secrets: keychain,
      state: createMemoryDocumentStore(migrated),
      simulatorInstance: production,
    });
    expect(await h.core.start()).toMatchObject({ connected: true, name: 'Account 1' });
    expect(await keychain.get('u:user-owner-42/account')).toBe(production.ownerKey);
    expect(await keychain.get('account')).toBeNull();
  });
});
