import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { parseIamEnabled, parseScopeStatements } from '../../../../electron/core/telnyx/unverified.js';

const call = async (sim: ReturnType<typeof createSimulator>, path: string, key: string) => {
  const response = await sim.fetch(`http://sim.test/v2${path}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('simulator: key scopes and IAM settings', () => {
  it('serves a key’s statements to the owner, in each profile’s envelope', async () => {
    for (const profile of ['default', 'docs-minimal'] as const) {
      const sim = createSimulator({ profile });
      const key = sim.state.keys[0];
      if (!key) throw new Error('no key');
      key.scopes = [{ effect: 'deny', actions: ['billing.write'] }];
      const answer = await call(sim, `/iam/api_keys/${key.id}/scopes`, sim.ownerKey);
      expect(answer.status).toBe(200);
      expect(parseScopeStatements(answer.body)).toEqual([{ effect: 'deny', actions: ['billing.write'] }]);
      delete key.scopes;
      expect(
        parseScopeStatements((await call(sim, `/iam/api_keys/${key.id}/scopes`, sim.ownerKey)).body),
      ).toEqual([]);
    }
  });

  it('says whether IAM is on, to the owner only, and has no such routes where IAM has none', async () => {
    const sim = createSimulator();
    expect(parseIamEnabled((await call(sim, '/iam/settings', sim.ownerKey)).body)).toBe(true);
    sim.state.iamEnabled = false;
    expect(parseIamEnabled((await call(sim, '/iam/settings', sim.ownerKey)).body)).toBe(false);
    const key = sim.state.keys[0]?.id ?? '';
    expect((await call(sim, '/iam/settings', sim.memberKey)).status).toBe(403);
    expect((await call(sim, `/iam/api_keys/${key}/scopes`, sim.memberKey)).status).toBe(403);
    expect(
      (await call(sim, '/iam/api_keys/KEY0000000000000000000000000000000000/scopes', sim.ownerKey)).status,
    ).toBe(404);
    sim.setIamRoutes(false);
    expect((await call(sim, '/iam/settings', sim.ownerKey)).status).toBe(404);
    expect((await call(sim, `/iam/api_keys/${key}/scopes`, sim.ownerKey)).status).toBe(404);
  });

  it('leaves a key’s last use out of its record when told to (unknown, not null)', async () => {
    const sim = createSimulator();
    const key = sim.state.keys[0];
    if (!key) throw new Error('no key');
    key.lastUseUnreported = true;
    const list = await call(sim, '/iam/api_keys?page[size]=250', sim.ownerKey);
    const record = (list.body['data'] as Record<string, unknown>[]).find((r) => r['id'] === key.id);
    expect(record).toBeDefined();
    expect(record && 'last_used_at' in record).toBe(false);
  });

  it('seeds keys unused for months, as well as used and never used ones', () => {
    const sim = createSimulator({ keyCount: 40 });
    const longAgo = sim.state.keys.filter(
      (k) => k.lastUsedAt !== null && Date.now() - Date.parse(k.lastUsedAt) > 90 * 86_400_000,
    );
    expect(longAgo.length).toBeGreaterThan(0);
    expect(sim.state.keys.some((k) => k.lastUsedAt === null)).toBe(true);
    for (const k of sim.state.keys)
      if (k.lastUsedAt !== null)
        expect(Date.parse(k.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(k.createdAt));
  });
});

describe('parsing scopes and IAM settings [guess envelopes]', () => {
  it('reads statements from a list or an object, keeps an unknown effect as unknown, never as allow', () => {
    expect(parseScopeStatements({ data: [{ effect: 'allow', actions: ['a', 3, 'b'] }] })).toEqual([
      { effect: 'allow', actions: ['a', 'b'] },
    ]);
    expect(parseScopeStatements({ data: { scopes: [{ effect: 'permit', actions: ['a'] }] } })).toEqual([
      { effect: 'unknown', actions: ['a'] },
    ]);
    expect(parseScopeStatements({ data: { statements: [] } })).toEqual([]);
    // Nothing readable is not "no statements" (that would read as "can do everything").
    expect(parseScopeStatements({ data: { other: [] } })).toBeNull();
    expect(parseScopeStatements({})).toBeNull();
    expect(parseScopeStatements(null)).toBeNull();
  });

  it('reads IAM on or off, and null when the answer does not say', () => {
    expect(parseIamEnabled({ data: { enabled: false } })).toBe(false);
    expect(parseIamEnabled({ data: { iam_enabled: true } })).toBe(true);
    expect(parseIamEnabled({ data: { enabled: 'yes' } })).toBeNull();
    expect(parseIamEnabled({ data: [] })).toBeNull();
  });
});
