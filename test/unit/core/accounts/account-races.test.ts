import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';
import { createMemoryDocumentStore } from '../../../../electron/core/settings/json-store.js';
import {
  DEFAULT_SETTINGS,
  EMPTY_KEY_CACHE,
  SETTINGS_MIGRATIONS,
  SettingsFile,
  type KeyCache,
} from '../../../../electron/core/settings/stored-state.js';
import { createSimulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { START, createCoreHarness, value } from '../../../fixtures/core-harness.js';

/** One keychain and one settings folder: the same computer. */
function sameComputer() {
  return {
    secrets: createMemorySecretStore(),
    state: createMemoryDocumentStore(DEFAULT_SETTINGS),
    keyCache: createMemoryDocumentStore<KeyCache>(EMPTY_KEY_CACHE),
  };
}

/**
 * Two organizations behind one fetch (as if both were Telnyx), with a gate that holds the requests a test
 * chooses until it lets them go: what a slow network does while the person clicks on.
 */
function twoOrganizations() {
  const first = createSimulator({ keyCount: 20, seed: 42, now: () => START });
  const second = createSimulator({ keyCount: 20, seed: 7, now: () => START });
  const held: (() => void)[] = [];
  let holdWhen: ((request: Request) => boolean) | null = null;
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const auth = request.headers.get('authorization') ?? '';
    const simulator = second.state.keys.some((k) => auth === `Bearer ${k.value}`) ? second : first;
    if (holdWhen?.(request)) await new Promise<void>((release) => held.push(release));
    return simulator.fetch(request);
  };
  return {
    first,
    second,
    fetch,
    hold(when: (request: Request) => boolean) {
      holdWhen = when;
    },
    /** Waits until a held request is waiting, then lets every held request go. */
    async release() {
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      holdWhen = null;
      for (const go of held.splice(0)) go();
    },
    async waitHeld() {
      while (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
}

describe('an account change while Telnyx answers', () => {
  it('a key created while the person disconnects keeps its full key with the account it was created in', async () => {
    const orgs = twoOrganizations();
    const h = createCoreHarness({ ...sameComputer(), simulatorInstance: orgs.first, fetch: orgs.fetch });
    value(await h.core.handlers['account.connect']({ apiKey: orgs.first.ownerKey }));
    orgs.hold((request) => request.method === 'POST');
    const creating = h.core.handlers['keys.create']({ tags: ['ci'], expiresAt: null });
    await orgs.waitHeld();
    value(await h.core.handlers['account.disconnect'](undefined));
    await orgs.release();
    const result = await creating;
    expect(!result.ok && result.error.message).toMatch(
      /^Telnyx created KEY.*another account was connected meanwhile\. Keytray kept its full key with the account it was created in: connect that account again to copy it\.$/,
    );
    const issued = orgs.first.state.issued[0];
    value(await h.core.handlers['account.connect']({ apiKey: orgs.first.ownerKey }));
    value(await h.core.handlers['keys.copy']({ id: issued?.id ?? '', format: 'raw' }));
    expect(h.desktop.clipboard).toBe(issued?.value);
  });

  it('a list that arrives after another account connected is not filed under it, nor are the first one\u2019s older saved keys', async () => {
    const orgs = twoOrganizations();
    const computer = sameComputer();
    const h = createCoreHarness({ ...computer, simulatorInstance: orgs.first, fetch: orgs.fetch });
    value(await h.core.handlers['account.connect']({ apiKey: orgs.first.ownerKey }));
    // A full key saved before accounts were told apart, of a key only the first organization lists.
    const older = orgs.first.state.keys.find(
      (k) => k.value !== orgs.first.ownerKey && k.userId !== 'user-gone',
    );
    await computer.secrets.set(`key:${older?.id}`, older?.value ?? '');

    // The first organization's list is held; meanwhile the person switches to the second one.
    orgs.hold((request) => request.headers.get('authorization') === `Bearer ${orgs.first.ownerKey}`);
    const syncing = h.core.handlers['keys.sync'](undefined);
    await orgs.waitHeld();
    value(await h.core.handlers['account.disconnect'](undefined));
    value(await h.core.handlers['account.connect']({ apiKey: orgs.second.ownerKey }));
    await orgs.release();
    await syncing;

    const list = value(await h.core.handlers['keys.list'](undefined));
    const firstIds = new Set(orgs.first.state.keys.map((k) => k.id));
    expect(list.keys.filter((k) => firstIds.has(k.id))).toEqual([]);
    expect(await computer.secrets.get(`key:${older?.id}`)).toBe(older?.value);
    expect((await computer.secrets.names()).filter((n) => n.startsWith('u:user-owner-7/')).sort()).toEqual([
      'u:user-owner-7/account',
      `u:user-owner-7/key:${orgs.second.ownerKey.split('_')[0]}`,
    ]);
  });

  it('a Connect clicked while the start-up restore waits is not replaced by the restored account', async () => {
    const orgs = twoOrganizations();
    const computer = sameComputer();
    const before = createCoreHarness({ ...computer, simulatorInstance: orgs.first, fetch: orgs.fetch });
    value(await before.core.handlers['account.connect']({ apiKey: orgs.first.ownerKey }));

    const file = computer.state.read();
    if (!file.account) throw new Error('not connected');
    computer.state.write({ ...file, account: { ...file.account, scope: null } });
    const h = createCoreHarness({ ...computer, simulatorInstance: orgs.first, fetch: orgs.fetch });
    // An account saved before accounts were told apart: restoring it asks Telnyx who it is. Held.
    orgs.hold((request) => request.headers.get('authorization') === `Bearer ${orgs.first.ownerKey}`);
    const starting = h.core.start();
    await orgs.waitHeld();
    const connecting = h.core.handlers['account.connect']({ apiKey: orgs.second.ownerKey });
    // Give the Connect every chance to finish first (it would, were it not queued behind the restore).
    await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, 50))]);
    await orgs.release();
    await starting;
    expect(value(await connecting).status).toMatchObject({ connected: true });
    expect(computer.state.read().account?.scope).toBe('u:user-owner-7');
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({
      keyId: orgs.second.ownerKey.split('_')[0],
    });
  });
});

describe('what was saved before accounts were told apart', () => {
  const tokenId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
  const v1 = (account: unknown) => ({
    preferences: DEFAULT_SETTINGS.preferences,
    account,
    pins: [],
    tokens: [{ id: tokenId, name: 'Billing', email: 'a@example.com', createdAt: '2026-03-01T10:00:00.000Z' }],
    reminders: { sent: {}, snoozedUntil: {}, lastCheckAt: null },
    scheduledDisables: [],
  });

  it('belongs to the account then connected: another account connecting first does not get it', async () => {
    const orgs = twoOrganizations();
    const secrets = createMemorySecretStore();
    const firstId = orgs.first.ownerKey.split('_')[0] ?? '';
    const file = SettingsFile.parse(
      SETTINGS_MIGRATIONS[0]?.(
        v1({
          mode: 'telnyx',
          keyId: firstId,
          baseUrl: null,
          isOwner: true,
          connectedAt: START.toISOString(),
        }),
      ),
    );
    // No `account` secret: the start cannot restore it, and the person connects another organization.
    await secrets.set(`token:${tokenId}`, 'abcDEF123_-ghiJKL456mn');
    const state = createMemoryDocumentStore(file);
    const h = createCoreHarness({ secrets, state, simulatorInstance: orgs.first, fetch: orgs.fetch });
    await h.core.start();
    value(await h.core.handlers['account.connect']({ apiKey: orgs.second.ownerKey }));
    expect(value(await h.core.handlers['tokens.list'](undefined))).toEqual([]);
    value(await h.core.handlers['account.disconnect'](undefined));
    value(await h.core.handlers['account.connect']({ apiKey: orgs.first.ownerKey }));
    expect(value(await h.core.handlers['tokens.list'](undefined)).map((t) => t.name)).toEqual(['Billing']);
  });

  it('saved while the demo was connected: kept for the first real account (the demo keeps nothing)', async () => {
    const secrets = createMemorySecretStore();
    const probe = createCoreHarness({ secrets });
    const file = SettingsFile.parse(
      SETTINGS_MIGRATIONS[0]?.(
        v1({
          mode: 'demo',
          keyId: 'KEY0190AB12CD34EF56AB78CD90EF12AB34',
          baseUrl: null,
          isOwner: true,
          connectedAt: START.toISOString(),
        }),
      ),
    );
    await secrets.set(`token:${tokenId}`, 'abcDEF123_-ghiJKL456mn');
    const h = createCoreHarness({
      secrets,
      state: createMemoryDocumentStore(file),
      simulatorInstance: probe.simulator,
    });
    await h.core.start();
    value(await h.core.handlers['account.disconnect'](undefined));
    value(await h.core.handlers['account.connect']({ apiKey: probe.simulator.ownerKey }));
    value(await h.core.handlers['tokens.copy']({ id: tokenId, format: 'token' }));
    expect(h.desktop.clipboard).toBe('abcDEF123_-ghiJKL456mn');
  });
});

describe('a key Telnyx no longer lists', () => {
  it('is not shown as active to an account that has the list (an owner), even if its full key is saved', async () => {
    const h = createCoreHarness();
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const gone = h.simulator.state.keys.find(
      (k) => k.value !== h.simulator.ownerKey && k.status === 'inactive',
    );
    if (!gone) throw new Error('no disabled key');
    value(
      await h.core.handlers['keys.saveSecret']({ id: gone.id, value: gone.value, confirmUnchecked: true }),
    );
    h.simulator.state.keys = h.simulator.state.keys.filter((k) => k !== gone);
    const list = value(await h.core.handlers['keys.sync'](undefined));
    expect(list.keys.some((k) => k.id === gone.id)).toBe(false);
  });
});
