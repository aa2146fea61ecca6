import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { RETRY_LIMITS } from '../../electron/core/telnyx/retry-policy.js';
import type { SimulatorProfile } from '../../electron/core/telnyx/simulator/index.js';
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

/** What differs between the two profiles, as Keytray must see it (see `simulator/guessed-shapes.ts`). */
const PROFILES: { profile: SimulatorProfile; balance: unknown; memberOnIam: string }[] = [
  { profile: 'default', balance: { balance: '42.50', currency: 'USD' }, memberOnIam: 'forbidden' },
  // `/v2/balance` answers 422 (the key was accepted; the balance is unknown); /iam is missing for a member.
  { profile: 'docs-minimal', balance: null, memberOnIam: 'not-found' },
];

describe.each(PROFILES)('Telnyx client against the $profile simulator over loopback', (p) => {
  const over = (options: Parameters<typeof simulatorOverLoopback>[0] = {}) =>
    simulatorOverLoopback({ ...options, profile: p.profile });

  it('lists all 1,000 keys of a 1,000-key account across pages of 250, none twice', async () => {
    const { client, simulator } = await over({ keyCount: 1000 });
    const keys = await client().listOrganizationKeys();
    expect(keys).toHaveLength(1000);
    expect(new Set(keys.map((k) => k.id)).size).toBe(1000);
    const pages = simulator.log.filter((r) => r.path === '/iam/api_keys');
    expect(pages).toHaveLength(4);
    // Telnyx lists newest first; so do we.
    const created = keys.map((k) => k.createdAt ?? '');
    expect([...created].sort().reverse()).toEqual(created);
    // Every key names its user's e-mail: in the record, or looked up once from the organization's users.
    expect(keys.every((k) => k.userEmail?.endsWith('@example.com'))).toBe(true);
    expect(simulator.log.filter((r) => r.path === '/organizations/users').length).toBeLessThanOrEqual(1);
  });

  it('walks pages with bounded concurrency', async () => {
    const { client } = await over({ keyCount: 2500, latencyMs: 30 });
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
    const { client, simulator, waits } = await over();
    simulator.faults.add(
      { kind: 'status', status: 429, resetSeconds: 1 },
      { kind: 'status', status: 429, resetSeconds: 2 },
      { kind: 'status', status: 429, retryAfter: '3', resetSeconds: 9 },
    );
    const keys = await client().listOrganizationKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(waits).toEqual([1000, 2000, 3000]);
    const listed = simulator.log.filter((r) => r.path === '/iam/api_keys');
    expect(listed.map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it('gives up with a plain rate-limit message when Telnyx asks for a long wait', async () => {
    const { client, simulator, waits } = await over();
    simulator.faults.add({ kind: 'status', status: 429, resetSeconds: 600 });
    const error = await failure(client().listOrganizationKeys());
    expect(error.code).toBe('rate-limited');
    expect(error.message).toBe('Telnyx asked Keytray to wait 600 seconds. Try again after that.');
    expect(waits).toEqual([]);
  });

  it('retries 5xx and dropped connections on reads with growing, jittered backoff', async () => {
    const { client, simulator, waits } = await over();
    simulator.faults.add({ kind: 'status', status: 503 }, { kind: 'drop' }, { kind: 'status', status: 500 });
    expect(await client().checkKey()).toEqual(p.balance);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeLessThan(waits[1] as number);
    expect(waits[1]).toBeLessThan(waits[2] as number);
  });

  it('a 5xx carrying x-ratelimit-reset: 55 is retried after a short backoff, not a 55 s wait', async () => {
    const { client, simulator, waits } = await over();
    simulator.faults.add({ kind: 'status', status: 503, resetSeconds: 55, count: 2 });
    expect(await client().checkKey()).toEqual(p.balance);
    expect(waits).toHaveLength(2);
    expect(Math.max(...waits)).toBeLessThanOrEqual(RETRY_LIMITS.maxBackoffMs);
  });

  it('maps 401, a member on /iam, 404 and 422 to distinct, plain results', async () => {
    const { client, simulator } = await over();
    const refused = await failure(
      client('KEY0000000000000000000000000000000000_abcdefghijklmnopqrstuv').checkKey(),
    );
    expect([refused.code, refused.message]).toEqual([
      'unauthorized',
      'That key was refused by Telnyx. It may be mistyped, disabled, expired or revoked.',
    ]);
    expect(refused.detail['telnyxCode']).toBe('10009');

    const member = await failure(
      client(simulator.memberKey).setEnabled(simulator.state.keys[0]?.id ?? '', false),
    );
    expect(member.code).toBe(p.memberOnIam);

    const missing = await failure(client().setEnabled('KEY00000000000000000000000000000000', false));
    expect([missing.code, missing.message]).toEqual([
      'not-found',
      'Telnyx does not know that key. It may have been deleted.',
    ]);

    const expired = simulator.state.keys.find((k) => k.expiresAt && Date.parse(k.expiresAt) < Date.now());
    const unprocessable = await failure(client().setEnabled(expired?.id ?? '', true));
    expect(unprocessable.code).toBe('rejected');
    expect(unprocessable.detail['httpStatus']).toBe(422);
    expect(new Set([refused.code, missing.code, unprocessable.code]).size).toBe(3);
  });

  it('tells a key that reads the organization list from one that does not, and a valid key from a refused one', async () => {
    const { client, simulator } = await over();
    expect(await client().isOwner()).toBe(true);
    expect(await client(simulator.memberKey).isOwner()).toBe(false);
    expect(await client().checkKey()).toEqual(p.balance);
    // An organization without the IAM routes (404): not an owner's key, and no error.
    simulator.setIamRoutes(false);
    expect(await client().isOwner()).toBe(false);
  });

  it('turns a key off and on whatever the answer body (a record, or 204)', async () => {
    const { client, simulator } = await over();
    const key = simulator.state.keys.find(
      (k) =>
        k.status === 'active' &&
        k.expiresAt === null &&
        k.value !== simulator.ownerKey &&
        k.userId !== 'user-gone',
    );
    const answered = await client().setEnabled(key?.id ?? '', false);
    expect(key?.status).toBe('inactive');
    if (p.profile === 'default') expect(answered?.status).toBe('inactive');
    else expect(answered).toBeNull();
  });

  it('an action answered 200 with an unreadable body counts as done, not as a failure', async () => {
    const { client, simulator } = await over();
    const key = simulator.state.keys.find(
      (k) =>
        k.status === 'active' &&
        k.expiresAt === null &&
        k.value !== simulator.ownerKey &&
        k.userId !== 'user-gone',
    );
    simulator.faults.add({ kind: 'malformed', afterHandling: true, method: 'POST' });
    expect(await client().setEnabled(key?.id ?? '', false)).toBeNull();
    expect(key?.status).toBe('inactive');
    expect(simulator.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it("lists a member's own keys, at Telnyx's default page size where 250 is refused", async () => {
    const { client, simulator } = await over({ keyCount: 200 });
    const own = simulator.state.keys.filter((k) => k.userId === 'user-dev');
    const keys = await client(simulator.memberKey).listOwnKeys();
    expect(keys.map((k) => k.id).sort()).toEqual(own.map((k) => k.id).sort());
  });

  it('never retries a create; after a 5xx it re-lists and says no key was made', async () => {
    const { client, simulator } = await over();
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
    const { client, simulator } = await over({ timeoutMs: 300 });
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

  it('a create refused for its tags is a recognisable refusal, sent once', async () => {
    const { client, simulator } = await over();
    simulator.faults.add({
      kind: 'status',
      status: 422,
      pointer: '/tags',
      method: 'POST',
      path: '/api_keys',
    });
    const c = client();
    const error = await failure(
      c.createKey({ tags: ['ci'], expiresAt: null }, () => c.listOrganizationKeys(), new Set()),
    );
    expect(error.code).toBe('tags-refused');
    expect(simulator.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('retries a garbled answer to a read, and ends in a plain bad-response error if it stays garbled', async () => {
    const { client, simulator } = await over();
    simulator.faults.add({ kind: 'malformed' });
    expect(await client().checkKey()).toEqual(p.balance);
    simulator.faults.add({ kind: 'malformed', count: 10 });
    const error = await failure(client().checkKey());
    expect([error.code, error.message]).toEqual([
      'bad-response',
      'Telnyx sent an answer Keytray could not read. Try again in a minute.',
    ]);
  });

  it('creates a key whose full value comes back once; its record says what Telnyx applied', async () => {
    const { client, simulator } = await over();
    const c = client();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const created = await c.createKey(
      { tags: ['a', 'b', 'c'], expiresAt },
      () => c.listOrganizationKeys(),
      new Set(),
    );
    expect(created.secret).toBe(simulator.state.issued[0]?.value);
    expect(created.secret.startsWith(`${created.record.id}_`)).toBe(true);
    if (p.profile === 'default') {
      expect(created.record).toMatchObject({ tags: ['a', 'b', 'c'], expiresAt, status: 'active' });
    } else {
      // Only `data.api_key` came back: the id is the secret's, tags and expiry are unknown until listed.
      expect(created.record).toMatchObject({ unreadable: ['tags', 'expiresAt', 'lastUsedAt'] });
    }
    const listed = (await c.listOrganizationKeys()).find((k) => k.id === created.record.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });
});
