import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { simulatorOverLoopback } from '../fixtures/loopback.js';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('Telnyx client against the simulator over loopback', () => {
  it('lists all 1,000 keys of a 1,000-key account across pages of 250, none twice', async () => {
    const { client, simulator } = await simulatorOverLoopback({ keyCount: 1000 });
    const keys = await client().listOrganizationKeys();
    expect(keys).toHaveLength(1000);
    expect(new Set(keys.map((k) => k.id)).size).toBe(1000);
    const pages = simulator.log.filter((r) => r.path === '/iam/api_keys');
    expect(pages).toHaveLength(4);
    // Telnyx lists newest first; so do we.
    const created = keys.map((k) => k.createdAt ?? '');
    expect([...created].sort().reverse()).toEqual(created);
  });

  it('walks pages with bounded concurrency', async () => {
    const { client } = await simulatorOverLoopback({ keyCount: 2500, latencyMs: 30 });
    let inFlight = 0;
    let most = 0;
    const counting: typeof fetch = async (input, init) => {
      most = Math.max(most, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    expect(await client(undefined, counting).listOrganizationKeys()).toHaveLength(2500);
    expect(most).toBe(4);
  });

  it('retries three 429s, waiting as long as the headers ask, then succeeds', async () => {
    const { client, simulator, waits } = await simulatorOverLoopback();
    simulator.faults.add(
      { kind: 'status', status: 429, resetSeconds: 1 },
      { kind: 'status', status: 429, resetSeconds: 2 },
      { kind: 'status', status: 429, retryAfter: '3', resetSeconds: 9 },
    );
    const keys = await client().listOrganizationKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(simulator.log.map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it('gives up with a plain rate-limit message when Telnyx asks for a long wait', async () => {
    const { client, simulator, waits } = await simulatorOverLoopback();
    simulator.faults.add({ kind: 'status', status: 429, resetSeconds: 600 });
    const error = await failure(client().listOrganizationKeys());
    expect(error.code).toBe('rate-limited');
    expect(error.message).toBe('Telnyx asked Keytray to wait 600 seconds. Try again after that.');
    expect(waits).toEqual([]);
  });

  it('retries 5xx and dropped connections on reads with growing, jittered backoff', async () => {
    const { client, simulator, waits } = await simulatorOverLoopback();
    simulator.faults.add({ kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'status', status: 500 });
    await client().checkKey();
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeLessThan(waits[1] as number);
    expect(waits[1]).toBeLessThan(waits[2] as number);
  });

  it('maps 401, 403, 404 and 422 to distinct, plain results', async () => {
    const { client, simulator } = await simulatorOverLoopback();
    const refused = await failure(
      client('KEY0000000000000000000000000000000000_abcdefghijklmnopqrstuv').checkKey(),
    );
    expect([refused.code, refused.message]).toEqual([
      'unauthorized',
      'That key was refused by Telnyx. It may be mistyped, disabled, expired or revoked.',
    ]);
    expect(refused.detail['telnyxCode']).toBe('10009');

    const forbidden = await failure(
      client(simulator.memberKey).setEnabled(simulator.state.keys[0]?.id ?? '', false),
    );
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.detail['telnyxCode']).toBe('10010');

    const missing = await failure(client().setEnabled('KEY00000000000000000000000000000000', false));
    expect([missing.code, missing.message]).toEqual([
      'not-found',
      'Telnyx does not know that key. It may have been deleted.',
    ]);

    const expired = simulator.state.keys.find((k) => k.expiresAt && Date.parse(k.expiresAt) < Date.now());
    const unprocessable = await failure(client().setEnabled(expired?.id ?? '', true));
    expect(unprocessable.code).toBe('rejected');
    expect(unprocessable.detail['telnyxCode']).toBe('10027');
    expect(new Set([refused.code, forbidden.code, missing.code, unprocessable.code]).size).toBe(4);
  });

  it('tells an owner from a member, and a valid key from a refused one', async () => {
    const { client, simulator } = await simulatorOverLoopback();
    expect(await client().isOwner()).toBe(true);
    expect(await client(simulator.memberKey).isOwner()).toBe(false);
    expect(await client().checkKey()).toEqual({ balance: '42.50', currency: 'USD' });
  });

  it('never retries a create; after a 5xx it re-lists and says no key was made', async () => {
    const { client, simulator } = await simulatorOverLoopback();
    simulator.faults.add({ kind: 'status', status: 503, method: 'POST', path: '/api_keys' });
    const known = new Set(simulator.state.keys.map((k) => k.id));
    const c = client();
    const error = await failure(
      c.createKey({ tags: [], expiresAt: null }, () => c.listOrganizationKeys(), known),
    );
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/No new key was created; it is safe to try again\.$/);
    expect(simulator.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a create that times out is not repeated, and the key that appeared is reported', async () => {
    const { client, simulator } = await simulatorOverLoopback({ timeoutMs: 300 });
    simulator.faults.add({ kind: 'hang', method: 'POST', path: '/api_keys', afterHandling: true });
    const known = new Set(simulator.state.keys.map((k) => k.id));
    const c = client();
    const error = await failure(
      c.createKey({ tags: ['ci'], expiresAt: null }, () => c.listOrganizationKeys(), known),
    );
    const appeared = simulator.state.issued[0]?.id;
    expect(appeared).toBeDefined();
    expect(error.code).toBe('unavailable');
    expect(error.message).toContain('Telnyx did not answer within 1 second.');
    expect(error.message).toContain(`Telnyx created ${appeared} but its secret never reached Keytray`);
    expect(error.detail['appeared']).toEqual([appeared]);
    expect(simulator.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('retries a garbled answer to a read, and ends in a plain bad-response error if it stays garbled', async () => {
    const { client, simulator } = await simulatorOverLoopback();
    simulator.faults.add({ kind: 'malformed' });
    expect(await client().checkKey()).toEqual({ balance: '42.50', currency: 'USD' });
    simulator.faults.add({ kind: 'malformed', count: 10 });
    const error = await failure(client().checkKey());
    expect([error.code, error.message]).toEqual([
      'bad-response',
      'Telnyx sent an answer Keytray could not read. Try again in a minute.',
    ]);
  });

  it('creates a key whose full value comes back once, with the tags and expiry asked for', async () => {
    const { client, simulator } = await simulatorOverLoopback();
    const c = client();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await c.createKey(
      { tags: ['a', 'b', 'c'], expiresAt },
      () => c.listOrganizationKeys(),
      new Set(),
    );
    expect(created.secret).toBe(simulator.state.issued[0]?.value);
    expect(created.secret.startsWith(`${created.record.id}_`)).toBe(true);
    expect(created.record).toMatchObject({ tags: ['a', 'b', 'c'], expiresAt, status: 'active' });
    const listed = (await c.listOrganizationKeys()).find((k) => k.id === created.record.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });
});
