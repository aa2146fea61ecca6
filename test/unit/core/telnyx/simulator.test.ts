import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../electron/core/telnyx/simulator/index.js';

const call = async (
  sim: ReturnType<typeof createSimulator>,
  path: string,
  key: string,
  init: RequestInit = {},
) => {
  const response = await sim.fetch(`http://sim.test/v2${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    text,
  };
};
const firstError = (body: Record<string, unknown>) => (body['errors'] as Record<string, unknown>[])[0];

describe('Telnyx simulator', () => {
  it('answers like Telnyx: envelopes, rate-limit headers, page limits', async () => {
    const sim = createSimulator({ keyCount: 60 });
    const page = await call(sim, '/iam/api_keys?page[size]=25&page[number]=3', sim.ownerKey);
    expect(page.status).toBe(200);
    expect(page.body['meta']).toEqual({ page_number: 3, page_size: 25, total_pages: 3, total_results: 60 });
    expect((page.body['data'] as unknown[]).length).toBe(10);
    expect(page.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(page.headers.get('x-ratelimit-remaining')).toBeTruthy();
    expect(page.headers.get('x-ratelimit-reset')).toBeTruthy();
    const tooBig = await call(sim, '/iam/api_keys?page[size]=251', sim.ownerKey);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({ errors: [{ code: '10015', title: 'Bad Request' }] });
  });

  it('refuses non-owners on /iam with 403 and expired keys on activate with 422', async () => {
    const sim = createSimulator();
    expect((await call(sim, '/iam/api_keys', sim.memberKey)).body).toMatchObject({
      errors: [{ code: '10010' }],
    });
    const expired = sim.state.keys.find((k) => k.expiresAt && Date.parse(k.expiresAt) < Date.now());
    const answer = await call(sim, `/iam/api_keys/${expired?.id}/actions/activate`, sim.ownerKey, {
      method: 'POST',
    });
    expect(answer.status).toBe(422);
    // Telnyx documents no code for this refusal (10027 is "Invalid amount format"): none is invented.
    expect(answer.body).toMatchObject({ errors: [{ title: 'Unprocessable Entity' }] });
    expect(firstError(answer.body)).not.toHaveProperty('code');
  });

  it('authenticates only active, unexpired keys', async () => {
    const sim = createSimulator();
    const disabled = sim.state.keys.find((k) => k.status === 'inactive');
    expect((await call(sim, '/balance', disabled?.value ?? '')).status).toBe(401);
    expect((await call(sim, '/balance', 'nonsense')).body).toMatchObject({ errors: [{ code: '10009' }] });
  });

  it('switches the guessed routes off, as if Telnyx lacked them', async () => {
    const sim = createSimulator();
    expect((await call(sim, '/api_keys', sim.memberKey)).status).toBe(200);
    sim.setGuessedRoutes(false);
    expect((await call(sim, '/api_keys', sim.memberKey)).status).toBe(404);
    // Creating is documented and stays.
    expect(
      (await call(sim, '/api_keys', sim.memberKey, { method: 'POST', body: '{"tags":["x"]}' })).status,
    ).toBe(201);
  });

  it('answers 429 with code 10011 past its rate limit', async () => {
    const sim = createSimulator({ rateLimit: { limit: 2, windowSeconds: 60 } });
    await call(sim, '/balance', sim.ownerKey);
    await call(sim, '/balance', sim.ownerKey);
    const third = await call(sim, '/balance', sim.ownerKey);
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ errors: [{ code: '10011' }] });
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('is the same organization on every start with the same seed', () => {
    expect(createSimulator({ seed: 3 }).ownerKey).toBe(createSimulator({ seed: 3 }).ownerKey);
    expect(createSimulator({ seed: 3 }).ownerKey).not.toBe(createSimulator({ seed: 4 }).ownerKey);
  });
});

describe('Telnyx simulator, both profiles', () => {
  it('lists the organization users (documented) to the owner only, with ids the key records use', async () => {
    for (const profile of ['default', 'docs-minimal'] as const) {
      const sim = createSimulator({ profile });
      const users = await call(sim, '/organizations/users', sim.ownerKey);
      expect(users.status).toBe(200);
      const data = users.body['data'] as { id: string; email: string; record_type: string }[];
      expect(data.find((u) => u.email === 'owner@example.com')).toMatchObject({
        id: 'user-owner-42',
        record_type: 'organization_owner',
      });
      expect((await call(sim, '/organizations/users', sim.memberKey)).status).toBe(403);
    }
  });

  it('a 503 carries no invented Telnyx code (10007 is "Unexpected error", a 500)', async () => {
    const sim = createSimulator();
    sim.faults.add({ kind: 'status', status: 503 }, { kind: 'status', status: 500 });
    const unavailable = await call(sim, '/balance', sim.ownerKey);
    expect(unavailable.status).toBe(503);
    expect(firstError(unavailable.body)).not.toHaveProperty('code');
    expect(firstError((await call(sim, '/balance', sim.ownerKey)).body)).toMatchObject({ code: '10007' });
  });
});

describe('Telnyx simulator, docs-minimal profile (the least the documentation allows)', () => {
  const sim = () => createSimulator({ profile: 'docs-minimal', keyCount: 60 });

  it('lists key records with other field names: user_id only, expiration, last_used, tags null', async () => {
    const s = sim();
    const page = await call(s, '/iam/api_keys?page[size]=250', s.ownerKey);
    const records = page.body['data'] as Record<string, unknown>[];
    expect(records).toHaveLength(60);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(
        ['created_at', 'expiration', 'id', 'last_used', 'record_type', 'status', 'tags', 'user_id'].sort(),
      );
    }
    expect(records.some((r) => r['tags'] === null)).toBe(true);
    expect(page.body['meta']).toMatchObject({ total_results: 60 });
  });

  it('answers /v2/balance with 422 after accepting the key', async () => {
    const s = sim();
    expect((await call(s, '/balance', s.ownerKey)).status).toBe(422);
    expect((await call(s, '/balance', 'KEY0000_nonsense')).status).toBe(401);
  });

  it('answers activate and deactivate with 204 and no body, and still acts', async () => {
    const s = sim();
    const key = s.state.keys.find(
      (k) => k.status === 'active' && k.expiresAt === null && k.value !== s.ownerKey,
    );
    const answer = await call(s, `/iam/api_keys/${key?.id}/actions/deactivate`, s.ownerKey, {
      method: 'POST',
    });
    expect([answer.status, answer.text]).toEqual([204, '']);
    expect(key?.status).toBe('inactive');
  });

  it('creates a key ignoring tags and expiry, answering only data.api_key', async () => {
    const s = sim();
    const answer = await call(s, '/api_keys', s.ownerKey, {
      method: 'POST',
      body: JSON.stringify({ tags: ['ci'], expires_at: '2099-01-01T00:00:00.000Z' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ data: { api_key: s.state.issued[0]?.value } });
    expect(s.state.keys[0]).toMatchObject({ tags: [], expiresAt: null });
  });

  it('answers a key that is not the owner’s with 404 on /iam; without IAM routes, the owner’s too', async () => {
    const s = sim();
    expect((await call(s, '/iam/api_keys', s.memberKey)).status).toBe(404);
    expect((await call(s, '/iam/api_keys', s.ownerKey)).status).toBe(200);
    s.setIamRoutes(false);
    expect((await call(s, '/iam/api_keys', s.ownerKey)).status).toBe(404);
  });

  it('lists own keys without meta, refusing page[size]=250 and paging by 25 by default', async () => {
    const s = createSimulator({ profile: 'docs-minimal', keyCount: 200 });
    expect((await call(s, '/api_keys?page[size]=250', s.ownerKey)).status).toBe(400);
    const page = await call(s, '/api_keys', s.ownerKey);
    expect(page.status).toBe(200);
    expect(page.body).not.toHaveProperty('meta');
    expect((page.body['data'] as unknown[]).length).toBe(25);
  });

  it('sends x-ratelimit-reset on a 5xx too', async () => {
    const s = sim();
    s.faults.add({ kind: 'status', status: 503 });
    const answer = await call(s, '/balance', s.ownerKey);
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThan(30);
  });
});
