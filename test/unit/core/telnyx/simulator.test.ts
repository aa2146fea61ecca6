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
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
};

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
    expect(answer.body).toMatchObject({ errors: [{ code: '10027' }] });
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
