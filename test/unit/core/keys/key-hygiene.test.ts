import { describe, expect, it } from 'vitest';
import type { SimKey } from '../../../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(START.getTime() - days * DAY).toISOString();

/**
 * Connected as the owner, with four keys set up for hygiene: unused for 200 days, never used (a year old),
 * used last week, and never used but created last week.
 */
async function hygiene(as: 'owner' | 'member' = 'owner', profile: 'default' | 'docs-minimal' = 'default') {
  const harness = createCoreHarness({ simulator: { profile } });
  const { simulator, core } = harness;
  const others = simulator.state.keys.filter(
    (k) => k.value !== simulator.ownerKey && k.value !== simulator.memberKey && k.userId !== 'user-gone',
  );
  const set = (key: SimKey | undefined, fields: Partial<SimKey>): SimKey => {
    if (!key) throw new Error('the seed has too few keys');
    Object.assign(key, { status: 'active', expiresAt: null, ...fields });
    return key;
  };
  const keys = {
    old: set(others[0], { createdAt: ago(365), lastUsedAt: ago(200) }),
    never: set(others[1], { createdAt: ago(365), lastUsedAt: null }),
    recent: set(others[2], { createdAt: ago(365), lastUsedAt: ago(7) }),
    fresh: set(others[3], { createdAt: ago(7), lastUsedAt: null }),
    unknown: set(others[4], { createdAt: ago(365), lastUsedAt: null, lastUseUnreported: true }),
  };
  const apiKey = as === 'owner' ? simulator.ownerKey : simulator.memberKey;
  value(await core.handlers['account.connect']({ apiKey }));
  if (as === 'owner') value(await core.handlers['keys.sync'](undefined));
  return { ...harness, keys };
}

describe('key hygiene: last use', () => {
  for (const profile of ['default', 'docs-minimal'] as const) {
    it(`lists last use, "never" and unknown apart (${profile})`, async () => {
      const { core, keys } = await hygiene('owner', profile);
      const list = value(await core.handlers['keys.list'](undefined));
      const view = (k: SimKey) => list.keys.find((v) => v.id === k.id);
      expect(view(keys.old)).toMatchObject({ lastUsedAt: ago(200), unreadable: [] });
      expect(view(keys.never)).toMatchObject({ lastUsedAt: null, unreadable: [] });
      expect(view(keys.unknown)).toMatchObject({ lastUsedAt: null, unreadable: ['lastUsedAt'] });
    });
  }
});

describe('key hygiene: disabling unused keys', () => {
  it('turns off a key unused for the window, and one never used that is older than it', async () => {
    const { core, keys, simulator } = await hygiene();
    expect(value(await core.handlers['keys.disableUnused']({ id: keys.old.id })).status).toBe('inactive');
    expect(value(await core.handlers['keys.disableUnused']({ id: keys.never.id })).status).toBe('inactive');
    expect(simulator.state.keys.find((k) => k.id === keys.old.id)?.status).toBe('inactive');
  });

  it('never turns off the key another of Keytray’s accounts connects with, though this list shows it unused', async () => {
    const { core, simulator } = await hygiene();
    // A member's key, unused for 200 days in the owner's list, is what Keytray connects a second account with.
    const member = simulator.state.keys.find((k) => k.value === simulator.memberKey);
    if (!member) throw new Error('no member key');
    Object.assign(member, { status: 'active', createdAt: ago(365), lastUsedAt: ago(200) });
    const owner = value(await core.handlers['account.status'](undefined));
    value(await core.handlers['account.connect']({ apiKey: simulator.memberKey, name: 'Support' }));
    if (!owner.connected) throw new Error('not connected');
    value(await core.handlers['account.switch']({ id: owner.accountId }));
    value(await core.handlers['keys.sync'](undefined));
    const status = value(await core.handlers['account.status'](undefined));
    expect(status.connected && status.accountKeyIds).toContain(member.id);
    const answer = await core.handlers['keys.disableUnused']({ id: member.id });
    expect(answer.ok).toBe(false);
    expect(simulator.state.keys.find((k) => k.id === member.id)?.status).toBe('active');
  });

  it('refuses, in plain words and sending nothing, every key it must never offer', async () => {
    const { core, keys, simulator } = await hygiene();
    const ownId = simulator.ownerKey.split('_')[0] as string;
    const refused = async (id: string) => {
      const before = simulator.log.length;
      const result = await core.handlers['keys.disableUnused']({ id });
      expect(result.ok).toBe(false);
      expect(simulator.log.slice(before).filter((e) => e.path.includes('/actions/'))).toEqual([]);
      return result.ok ? '' : result.error.message;
    };
    expect(await refused(keys.recent.id)).toMatch(/was left on: Telnyx now says it was used 7 days ago\./);
    expect(await refused(keys.fresh.id)).toMatch(/was left on: it was created within the last 90 days\./);
    expect(await refused(keys.unknown.id)).toMatch(/was left on: Telnyx did not say when it was last used\./);
    expect(await refused(ownId)).toMatch(/the key Keytray itself uses to reach Telnyx/);
    // A key whose full key Keytray holds: turned off on its own row only.
    value(
      await core.handlers['keys.saveSecret']({
        id: keys.old.id,
        value: keys.old.value,
        confirmUnchecked: true,
      }),
    );
    expect(await refused(keys.old.id)).toMatch(
      /Keytray holds the full key of KEY\w+…\w+, so it is not turned off/,
    );
    for (const k of [keys.recent, keys.fresh, keys.unknown, keys.old])
      expect(simulator.state.keys.find((s) => s.id === k.id)?.status).toBe('active');
  });

  it('follows the Unused after setting', async () => {
    const { core, keys } = await hygiene();
    value(await core.handlers['settings.set']({ unusedAfterDays: 365 }));
    expect((await core.handlers['keys.disableUnused']({ id: keys.old.id })).ok).toBe(false);
    value(await core.handlers['settings.set']({ unusedAfterDays: 180 }));
    // Another setting changed later leaves it as chosen (no default filled in).
    value(await core.handlers['settings.set']({ hideAfterCopy: false }));
    expect(value(await core.handlers['settings.get'](undefined)).unusedAfterDays).toBe(180);
    expect(value(await core.handlers['keys.disableUnused']({ id: keys.old.id })).status).toBe('inactive');
  });

  it('reports a key Telnyx refuses, keeping it as it was', async () => {
    const { core, keys, simulator } = await hygiene();
    simulator.faults.add({ kind: 'status', status: 422, path: `/iam/api_keys/${keys.old.id}/actions` });
    const result = await core.handlers['keys.disableUnused']({ id: keys.old.id });
    expect(result.ok).toBe(false);
    expect(simulator.state.keys.find((s) => s.id === keys.old.id)?.status).toBe('active');
  });
});

describe('key hygiene: permissions', () => {
  it('reads a key’s statements, none as none, and whether IAM is on', async () => {
    const { core, keys, simulator } = await hygiene();
    keys.old.scopes = [
      { effect: 'allow', actions: ['messaging.send'] },
      { effect: 'deny', actions: ['billing.write'] },
    ];
    expect(value(await core.handlers['keys.scopes']({ id: keys.old.id }))).toEqual({
      id: keys.old.id,
      statements: [
        { effect: 'allow', actions: ['messaging.send'] },
        { effect: 'deny', actions: ['billing.write'] },
      ],
      iam: 'on',
    });
    simulator.state.iamEnabled = false;
    expect(value(await core.handlers['keys.scopes']({ id: keys.never.id }))).toEqual({
      id: keys.never.id,
      statements: [],
      iam: 'off',
    });
  });

  it('reads the docs-minimal shapes the same', async () => {
    const { core, keys } = await hygiene('owner', 'docs-minimal');
    keys.old.scopes = [{ effect: 'allow', actions: ['numbers.read'] }];
    expect(value(await core.handlers['keys.scopes']({ id: keys.old.id }))).toMatchObject({
      statements: [{ effect: 'allow', actions: ['numbers.read'] }],
      iam: 'on',
    });
  });

  it('says plainly when the route is missing, and keeps the statements when only IAM settings fail', async () => {
    const { core, keys, simulator } = await hygiene();
    simulator.faults.add({ kind: 'status', status: 503, path: '/iam/settings', count: 10 });
    expect(value(await core.handlers['keys.scopes']({ id: keys.old.id })).iam).toBe('unknown');
    simulator.setIamRoutes(false);
    const missing = await core.handlers['keys.scopes']({ id: keys.old.id });
    expect(missing.ok ? '' : missing.error.message).toMatch(
      /^Telnyx doesn't show key permissions to Keytray for this account\. See them in the Telnyx portal/,
    );
  });

  it('tells a member plainly that only the owner may read permissions', async () => {
    const { core, simulator } = await hygiene('member');
    const memberId = simulator.memberKey.split('_')[0] as string;
    const result = await core.handlers['keys.scopes']({ id: memberId });
    expect(result.ok ? '' : result.error.message).toMatch(/^Only the organization owner's key can read/);
  });
});
