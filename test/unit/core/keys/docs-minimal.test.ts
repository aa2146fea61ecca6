import { describe, expect, it } from 'vitest';
import { expiryFromPreset } from '../../../../electron/common/expiry-input.js';
import type { SimulatorOptions } from '../../../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';

/**
 * The whole core against the simulator's `docs-minimal` profile: the least Telnyx's documentation allows
 * (other field names, `tags: null`, 204 answers, a create that ignores tags and expiry and answers only
 * `data.api_key`, `/v2/balance` answering 422, no IAM routes for a key that is not the owner's).
 */
async function connected(as: 'owner' | 'member' = 'owner', simulator: SimulatorOptions = {}) {
  const h = createCoreHarness({ simulator: { profile: 'docs-minimal', ...simulator } });
  const apiKey = as === 'owner' ? h.simulator.ownerKey : h.simulator.memberKey;
  value(await h.core.handlers['account.connect']({ apiKey }));
  return h;
}

const error = (result: { ok: boolean; error?: { code: string; message: string } }) => result.error;
const IN_30_DAYS = expiryFromPreset(START, 30);

describe('docs-minimal: connecting and listing', () => {
  it('an owner connects though /v2/balance answers 422, and sees every key with e-mails looked up once', async () => {
    const h = await connected();
    const list = value(await h.core.handlers['keys.list'](undefined));
    expect(list.keys).toHaveLength(20);
    expect(list.offline).toBe(false);
    // The records carry only user_id: one GET /v2/organizations/users named their users.
    expect(list.keys.every((k) => k.userEmail?.endsWith('@example.com'))).toBe(true);
    expect(h.simulator.log.filter((r) => r.path === '/organizations/users')).toHaveLength(1);
    // `expiration` and `tags: null` read as the expiry and as no tags, not as unknown.
    expect(list.keys.every((k) => k.unreadable.length === 0)).toBe(true);
    const withExpiry = h.simulator.state.keys.find((k) => k.expiresAt !== null && k.userId !== 'user-gone');
    expect(list.keys.find((k) => k.id === withExpiry?.id)?.expiresAt).toBe(withExpiry?.expiresAt);
    // The account is still the owner's user, found from user_id alone.
    expect(h.state.read().account?.scope).toBe('u:user-owner-42');
  });

  it('a key without the IAM routes (404) connects as one that cannot read the organization list', async () => {
    const h = await connected('member', { keyCount: 200 });
    const status = value(await h.core.handlers['account.status'](undefined));
    expect(status.connected && status.capabilities.isOwner).toBe(false);
    // Its own keys, from the guessed route: it refuses page[size]=250, so they come 25 a page, without meta.
    const own = h.simulator.state.keys.filter((k) => k.userId === 'user-dev');
    expect(own.length).toBeGreaterThan(25);
    const list = value(await h.core.handlers['keys.list'](undefined));
    expect(list.keys.map((k) => k.id).sort()).toEqual(own.map((k) => k.id).sort());
    const other = own.find((k) => k.value !== h.simulator.memberKey)?.id ?? '';
    const refused = await h.core.handlers['keys.setEnabled']({ id: other, enabled: false });
    expect(error(refused)?.message).toMatch(
      /^The connected key can't disable keys: Telnyx doesn't show it the organization's keys/,
    );
  });

  it('a status word Keytray does not know shows as unknown with the word, logged by field name only', async () => {
    const h = createCoreHarness({
      fetch: async (input, init) => {
        const answer = await h.simulator.fetch(input, init);
        if (!String(input).includes('/iam/api_keys?')) return answer;
        // One key reported with a status Keytray has never seen.
        const text = (await answer.text()).replace('"status":"inactive"', '"status":"revoked-by-admin"');
        return new Response(text, { status: answer.status, headers: answer.headers });
      },
    });
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const list = value(await h.core.handlers['keys.sync'](undefined));
    const odd = list.keys.filter((k) => k.status === 'unknown');
    expect(odd.map((k) => k.statusWord)).toEqual(['revoked-by-admin']);
    const degraded = h.logs.filter((l) => l.message.startsWith('telnyx key records degraded'));
    // Connect listed once and the sync once: one line per list, names and types only.
    expect(degraded).toHaveLength(2);
    expect(JSON.stringify(degraded)).toContain('status (unknown word)');
    expect(JSON.stringify(degraded)).not.toContain('revoked-by-admin');
  });
});

describe('docs-minimal: creating a key', () => {
  it('keeps the secret of an answer holding only data.api_key, and says Telnyx applied neither tags nor expiry', async () => {
    const h = await connected();
    const created = value(
      await h.core.handlers['keys.create']({ tags: ['ci', 'prod'], expiresAt: IN_30_DAYS }),
    );
    const issued = h.simulator.state.issued[0];
    expect(created.key.id).toBe(issued?.id);
    expect(created.saved).toBe(true);
    expect(await h.secrets.get(`u:user-owner-42/key:${issued?.id}`)).toBe(issued?.value);
    expect(created.requested).toEqual({ tags: ['ci', 'prod'], expiresAt: IN_30_DAYS });
    expect(created.notApplied).toEqual({ tags: ['ci', 'prod'], expiresAt: IN_30_DAYS });
    expect(created.unconfirmed).toEqual([]);
    expect(created.canDisableOnExpiry).toBe(true);
    // The key as Telnyx lists it: no tags, no expiry, active.
    expect(created.key).toMatchObject({ tags: [], expiresAt: null, status: 'active', unreadable: [] });
  });

  it('a key created with nothing asked shows as Telnyx lists it right away, not as unknown', async () => {
    const h = await connected();
    const created = value(await h.core.handlers['keys.create']({ tags: [], expiresAt: null }));
    expect(created.key).toMatchObject({ status: 'active', statusWord: null, unreadable: [] });
    expect([created.notApplied, created.unconfirmed, created.canDisableOnExpiry]).toEqual([null, [], false]);
  });

  it('the requested expiry can be kept by Keytray: the key is disabled on that date', async () => {
    const h = await connected();
    const created = value(await h.core.handlers['keys.create']({ tags: [], expiresAt: IN_30_DAYS }));
    const id = created.key.id;
    const planned = value(await h.core.handlers['keys.planDisable']({ id, at: IN_30_DAYS }));
    expect(planned.disableAt).toBe(IN_30_DAYS);
    h.clock.set(new Date(Date.parse(IN_30_DAYS) + 60_000));
    await h.core.clockMoved();
    expect(h.simulator.state.keys.find((k) => k.id === id)?.status).toBe('inactive');
    expect(h.desktop.notifications.at(-1)).toMatchObject({
      title: 'Telnyx key disabled on its expiry date',
      keyIds: [id],
    });
  });

  it('with no list to check against, what Telnyx applied is unconfirmed, not claimed either way', async () => {
    const h = await connected('member', { guessedRoutes: false });
    const created = value(await h.core.handlers['keys.create']({ tags: ['ci'], expiresAt: IN_30_DAYS }));
    expect(created.notApplied).toBeNull();
    expect(created.unconfirmed).toEqual(['tags', 'expiresAt']);
    expect(created.canDisableOnExpiry).toBe(false);
    // Listed from the secret Keytray holds: tags, expiry and last use unknown, not "none" and "never".
    expect(created.key).toMatchObject({
      hasSecret: true,
      unreadable: ['tags', 'expiresAt', 'lastUsedAt'],
    });
  });
});

describe('docs-minimal: actions answered with 204', () => {
  it('turning a key off and on succeeds, and the next sync agrees', async () => {
    const h = await connected();
    const key = h.simulator.state.keys.find(
      (k) =>
        k.status === 'active' &&
        k.expiresAt === null &&
        k.value !== h.simulator.ownerKey &&
        k.userId !== 'user-gone',
    );
    const id = key?.id ?? '';
    expect(value(await h.core.handlers['keys.setEnabled']({ id, enabled: false })).status).toBe('inactive');
    const synced = value(await h.core.handlers['keys.sync'](undefined));
    expect(synced.keys.find((k) => k.id === id)?.status).toBe('inactive');
    expect(value(await h.core.handlers['keys.setEnabled']({ id, enabled: true })).status).toBe('active');
  });

  it('a tag edit answered with 204 keeps the tags sent', async () => {
    const h = await connected();
    const id =
      h.simulator.state.keys.find((k) => k.value !== h.simulator.ownerKey && k.userId !== 'user-gone')?.id ??
      '';
    expect(value(await h.core.handlers['keys.setTags']({ id, tags: ['billing'] })).tags).toEqual(['billing']);
    expect(h.simulator.state.keys.find((k) => k.id === id)?.tags).toEqual(['billing']);
  });
});

describe('a create Telnyx refuses because of one field', () => {
  it.each([
    ['/tags', 'tags-refused', { tags: [] as string[], expiresAt: IN_30_DAYS }],
    ['/expires_at', 'expiry-refused', { tags: ['ci'], expiresAt: null }],
  ] as const)(
    '%s: a recognisable refusal, nothing created, and a create without it works',
    async (pointer, code, without) => {
      const h = createCoreHarness();
      value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
      h.simulator.faults.add({ kind: 'status', status: 422, pointer, method: 'POST', path: '/api_keys' });
      const refused = await h.core.handlers['keys.create']({ tags: ['ci'], expiresAt: IN_30_DAYS });
      expect(error(refused)?.code).toBe(code);
      expect(error(refused)?.message).toMatch(/so no key was created\. You can create it without/);
      expect(h.simulator.state.issued).toHaveLength(0);
      // Only one POST: the second create is the person's deliberate click, never automatic.
      expect(h.simulator.log.filter((r) => r.method === 'POST')).toHaveLength(1);
      value(await h.core.handlers['keys.create'](without));
      expect(h.simulator.state.issued).toHaveLength(1);
    },
  );
});
