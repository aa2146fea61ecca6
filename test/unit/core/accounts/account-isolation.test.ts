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
import type { Simulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { createSimulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';

/** A listed key of the organization, other than the owner's, that Telnyx would accept. */
const usableKey = (simulator: Simulator) =>
  simulator.state.keys.find(
    (k) =>
      k.value !== simulator.ownerKey &&
      k.value !== simulator.memberKey &&
      k.userId !== 'user-gone' &&
      k.status === 'active' &&
      (k.expiresAt === null || Date.parse(k.expiresAt) > Date.parse('2026-03-03')),
  );

/** One keychain and one settings folder, shared by every harness: the same computer. */
function sameComputer() {
  return {
    secrets: createMemorySecretStore(),
    state: createMemoryDocumentStore(DEFAULT_SETTINGS),
    keyCache: createMemoryDocumentStore<KeyCache>(EMPTY_KEY_CACHE),
  };
}

describe('one account never sees another account\u2019s keys', () => {
  it('after Disconnect and Connect with another organization, none of the first one\u2019s keys is listed or copyable; connecting the first again brings its saved keys back', async () => {
    const computer = sameComputer();
    const first = createCoreHarness({ ...computer });
    value(await first.core.handlers['account.connect']({ apiKey: first.simulator.ownerKey }));
    const saved = usableKey(first.simulator);
    if (!saved) throw new Error('no usable key');
    expect(
      value(await first.core.handlers['keys.saveSecret']({ id: saved.id, value: saved.value })).outcome,
    ).toBe('saved');
    value(await first.core.handlers['keys.pin']({ id: saved.id, pinned: true, label: 'Billing' }));
    value(await first.core.handlers['account.disconnect'](undefined));

    // Another organization (its own simulator), on the same computer.
    const second = createCoreHarness({ ...computer, simulator: { seed: 7 } });
    value(await second.core.handlers['account.connect']({ apiKey: second.simulator.ownerKey }));
    const list = value(await second.core.handlers['keys.list'](undefined));
    expect(list.keys.some((k) => k.id === saved.id)).toBe(false);
    expect(list.keys.filter((k) => k.hasSecret).map((k) => k.id)).toEqual([
      second.simulator.ownerKey.split('_')[0],
    ]);
    const copy = await second.core.handlers['keys.copy']({ id: saved.id, format: 'raw' });
    expect(copy.ok).toBe(false);
    expect(second.desktop.clipboard).not.toContain(saved.value);
    expect(
      second.desktop.tray?.menu.some((item) => item.kind === 'copy' && item.label.includes('Billing')),
    ).toBe(false);
    value(await second.core.handlers['account.disconnect'](undefined));

    value(await first.core.handlers['account.connect']({ apiKey: first.simulator.ownerKey }));
    const back = value(await first.core.handlers['keys.list'](undefined));
    expect(back.keys.find((k) => k.id === saved.id)).toMatchObject({ hasSecret: true, pinLabel: 'Billing' });
    value(await first.core.handlers['keys.copy']({ id: saved.id, format: 'raw' }));
    expect(first.desktop.clipboard).toBe(saved.value);
  });

  it('a member of the same organization does not see the owner\u2019s saved keys, even for keys both can list', async () => {
    const computer = sameComputer();
    const owner = createCoreHarness({ ...computer });
    value(await owner.core.handlers['account.connect']({ apiKey: owner.simulator.ownerKey }));
    const memberId = owner.simulator.memberKey.split('_')[0] ?? '';
    const devKey = owner.simulator.state.keys.find((k) => k.userId === 'user-dev' && k.id !== memberId);
    if (!devKey) throw new Error('no second key of the member');
    const saved = await owner.core.handlers['keys.saveSecret']({
      id: devKey.id,
      value: devKey.value,
      confirmUnchecked: true,
    });
    expect(value(saved).outcome).toBe('saved');
    value(await owner.core.handlers['account.disconnect'](undefined));

    const member = createCoreHarness({ ...computer, simulatorInstance: owner.simulator });
    value(await member.core.handlers['account.connect']({ apiKey: owner.simulator.memberKey }));
    value(await member.core.handlers['keys.sync'](undefined));
    const list = value(await member.core.handlers['keys.list'](undefined));
    expect(list.keys.find((k) => k.id === devKey.id)?.hasSecret).toBe(false);
    expect((await member.core.handlers['keys.reveal']({ id: devKey.id })).ok).toBe(false);
  });

  it('the owner is one account whichever of their keys connects (the IAM list names the key\u2019s user)', async () => {
    const computer = sameComputer();
    const first = createCoreHarness({ ...computer });
    value(await first.core.handlers['account.connect']({ apiKey: first.simulator.ownerKey }));
    const created = value(await first.core.handlers['keys.create']({ tags: ['second'], expiresAt: null }));
    const secondKey = first.simulator.state.issued[0]?.value ?? '';
    expect(computer.state.read().account?.scope).toBe('u:user-owner-42');
    value(await first.core.handlers['account.disconnect'](undefined));
    value(await first.core.handlers['account.connect']({ apiKey: secondKey }));
    expect(computer.state.read().account?.scope).toBe('u:user-owner-42');
    const list = value(await first.core.handlers['keys.list'](undefined));
    expect(list.keys.find((k) => k.id === created.key.id)?.hasSecret).toBe(true);
  });

  it('entries saved before accounts were told apart are adopted by the first account that lists their keys, never deleted', async () => {
    const computer = sameComputer();
    const h = createCoreHarness({ ...computer });
    const listed = usableKey(h.simulator);
    if (!listed) throw new Error('no usable key');
    const unlisted = 'KEY0190AB12CD34EF56AB78CD90EF12FFFF';
    await computer.secrets.set(`key:${listed.id}`, listed.value);
    await computer.secrets.set(`key:${unlisted}`, `${unlisted}_abcdefghijklmnopqrstuv`);

    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const list = value(await h.core.handlers['keys.list'](undefined));
    expect(list.keys.find((k) => k.id === listed.id)?.hasSecret).toBe(true);
    expect(await computer.secrets.get(`u:user-owner-42/key:${listed.id}`)).toBe(listed.value);
    expect(await computer.secrets.get(`key:${listed.id}`)).toBeNull();
    // A key this account does not list keeps its entry, untouched, for whichever account does.
    expect(await computer.secrets.get(`key:${unlisted}`)).toBe(`${unlisted}_abcdefghijklmnopqrstuv`);
    expect(list.keys.some((k) => k.id === unlisted)).toBe(false);
  });

  it('settings from before accounts were told apart: the account keeps its tokens and pins, learns its scope, and the base URL is dropped', async () => {
    const secrets = createMemorySecretStore();
    const probe = createCoreHarness({ secrets });
    const ownerId = probe.simulator.ownerKey.split('_')[0] ?? '';
    const tokenId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const v1 = {
      preferences: DEFAULT_SETTINGS.preferences,
      account: {
        mode: 'telnyx',
        keyId: ownerId,
        baseUrl: 'http://attacker.example/v2',
        isOwner: true,
        connectedAt: '2026-03-01T10:00:00.000Z',
      },
      pins: [{ kind: 'token', id: tokenId, label: null }],
      tokens: [
        { id: tokenId, name: 'Billing', email: 'a@example.com', createdAt: '2026-03-01T10:00:00.000Z' },
      ],
      reminders: { sent: {}, snoozedUntil: {}, lastCheckAt: null },
      scheduledDisables: [],
    };
    const migrated = SettingsFile.parse(SETTINGS_MIGRATIONS[0]?.(v1));
    expect(JSON.stringify(migrated)).not.toContain('attacker');
    await secrets.set('account', probe.simulator.ownerKey);
    await secrets.set(`token:${tokenId}`, 'abcDEF123_-ghiJKL456mn');

    const h = createCoreHarness({
      secrets,
      state: createMemoryDocumentStore(migrated),
      simulatorInstance: probe.simulator,
    });
    expect(await h.core.start()).toMatchObject({ connected: true });
    expect(h.state.read().account?.scope).toBe('u:user-owner-42');
    const tokens = value(await h.core.handlers['tokens.list'](undefined));
    expect(tokens).toMatchObject([{ name: 'Billing', pinned: true }]);
    value(await h.core.handlers['tokens.copy']({ id: tokenId, format: 'token' }));
    expect(h.desktop.clipboard).toBe('abcDEF123_-ghiJKL456mn');
    expect(await secrets.get(`token:${tokenId}`)).toBeNull();
    expect(h.state.read().accounts['legacy']).toBeUndefined();
  });

  it('reminders and notifications of the previous account do not survive a switch', async () => {
    // Two organizations behind one Telnyx, one core: the person switches from the first to the second.
    const first = createSimulator({ keyCount: 20, seed: 42, now: () => START });
    const second = createSimulator({ keyCount: 20, seed: 7, now: () => START });
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      const auth = request.headers.get('authorization') ?? '';
      return (second.state.keys.some((k) => auth === `Bearer ${k.value}`) ? second : first).fetch(request);
    };
    const h = createCoreHarness({ ...sameComputer(), simulatorInstance: first, fetch });
    value(await h.core.handlers['account.connect']({ apiKey: first.ownerKey }));
    const firstIds = new Set(first.state.keys.map((k) => k.id));
    expect(value(await h.core.handlers['reminders.upcoming'](undefined)).length).toBeGreaterThan(0);
    expect(h.desktop.notifications.some((n) => n.keyIds.some((id) => firstIds.has(id)))).toBe(true);

    const changed: unknown[] = [];
    h.core.events.on('account.changed', () => changed.push(1));
    const withdrawnBefore = h.desktop.withdrawn;
    const shownBefore = h.desktop.notifications.length;
    value(await h.core.handlers['account.disconnect'](undefined));
    expect(changed).toHaveLength(1);
    expect(h.desktop.withdrawn).toBe(withdrawnBefore + 1);
    value(await h.core.handlers['account.connect']({ apiKey: second.ownerKey }));
    expect(changed).toHaveLength(2);
    await h.core.clockMoved();

    const upcoming = value(await h.core.handlers['reminders.upcoming'](undefined));
    expect(upcoming.filter((u) => firstIds.has(u.keyId))).toEqual([]);
    const since = h.desktop.notifications.slice(shownBefore);
    expect(since.flatMap((n) => n.keyIds).filter((id) => firstIds.has(id))).toEqual([]);
  });
});

describe('where the API key is sent', () => {
  it('never from settings: the stored account has no base URL', async () => {
    const h = createCoreHarness();
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    expect(Object.keys(h.state.read().account ?? {})).not.toContain('baseUrl');
  });

  it('a packaged build talks to api.telnyx.com whatever TELNYX_BASE_URL says', async () => {
    const urls: string[] = [];
    const h = createCoreHarness({
      packaged: true,
      env: { TELNYX_BASE_URL: 'http://127.0.0.1:4010/v2' },
      fetch: async (input) => {
        urls.push(String(input instanceof Request ? input.url : input));
        return new Response('{"errors":[{"code":"10009","title":"Authentication failed"}]}', { status: 401 });
      },
    });
    await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey });
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith('https://api.telnyx.com/v2/'))).toBe(true);
  });

  it('unpackaged, plain http only to this machine; the key is never sent elsewhere', async () => {
    for (const [baseUrl, allowed] of [
      ['http://127.0.0.1:4010/v2', true],
      ['http://localhost:4010/v2', true],
      ['http://[::1]:4010/v2', true],
      ['https://proxy.example/v2', true],
      ['http://192.168.1.5:4010/v2', false],
      ['http://attacker.example/v2', false],
      ['http://127.0.0.1.attacker.example/v2', false],
      ['ftp://127.0.0.1/v2', false],
      ['https://user:pw@proxy.example/v2', false],
    ] as const) {
      const urls: string[] = [];
      const h = createCoreHarness({
        env: { TELNYX_BASE_URL: baseUrl },
        fetch: async (input, init) => {
          urls.push(String(input instanceof Request ? input.url : input));
          return h.simulator.fetch(input, init);
        },
      });
      const result = await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey });
      expect({ baseUrl, ok: result.ok }).toEqual({ baseUrl, ok: allowed });
      if (!allowed) {
        expect(urls).toEqual([]);
        expect(!result.ok && result.error.message).toMatch(/^TELNYX_BASE_URL must be an https:\/\/ address/);
      }
    }
  });
});
