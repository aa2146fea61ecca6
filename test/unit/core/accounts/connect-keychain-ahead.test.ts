import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';
import { createSimulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { START, createCoreHarness, value } from '../../../fixtures/core-harness.js';

/**
 * Connect keeps the connecting key in the keychain as soon as a page of the key list says whose account it is,
 * while the later pages are on their way (`keepAhead`), and takes back what it wrote if Connect then fails.
 */
function connectWithLaterPagesFailing() {
  /** Telnyx requests and keychain writes, in the order they happened. */
  const happened: string[] = [];
  // 2,500 keys: ten pages, four at a time, each answered after 20 ms (as a real server, on a timer).
  const simulator = createSimulator({ keyCount: 2_500, seed: 42, latencyMs: 20, now: () => START });
  const keychain = createMemorySecretStore();
  const set = keychain.set.bind(keychain);
  const remove = keychain.delete.bind(keychain);
  keychain.set = (name, secret) => (happened.push(`set ${name}`), set(name, secret));
  keychain.delete = (name) => (happened.push(`delete ${name}`), remove(name));
  let failing: string | null = null;
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const page = new URL(request.url).searchParams.get('page[number]');
    if (page !== null && new URL(request.url).searchParams.get('page[size]') === '250') {
      happened.push(`page ${page}`);
      if (page === failing) throw new TypeError('fetch failed');
    }
    return simulator.fetch(request);
  };
  const h = createCoreHarness({ simulatorInstance: simulator, secrets: keychain, fetch });
  return { h, simulator, keychain, happened, failPage: (page: string | null) => void (failing = page) };
}

/** The owner of seed 42's organization: the account's scope. */
const SCOPE = 'u:user-owner-42';
const idOf = (fullKey: string) => fullKey.split('_')[0] ?? '';
/** The message of a refused call. */
function failure(result: { ok: true } | { ok: false; error: { message: string } }): string {
  if (result.ok) throw new Error('expected a failure');
  return result.error.message;
}

describe('Connect keeps its key in the keychain while the key list arrives', () => {
  it('both entries are written before the last pages are asked for, and the account connects', async () => {
    const { h, simulator, keychain, happened } = connectWithLaterPagesFailing();
    const { status } = value(await h.core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    expect(status).toMatchObject({ connected: true, accountId: SCOPE });
    const account = `set ${SCOPE}/account`;
    expect(happened).toContain(account);
    expect(happened.indexOf(account)).toBeLessThan(happened.indexOf('page 10'));
    expect(await keychain.get(`${SCOPE}/account`)).toBe(simulator.ownerKey);
    expect(await keychain.get(`${SCOPE}/key:${idOf(simulator.ownerKey)}`)).toBe(simulator.ownerKey);
  });

  it('a page failing after that takes back what was written: the keychain is as it was', async () => {
    const { h, simulator, keychain, happened, failPage } = connectWithLaterPagesFailing();
    failPage('9');
    expect(failure(await h.core.handlers['account.connect']({ apiKey: simulator.ownerKey }))).toMatch(
      /Telnyx/,
    );
    // Written ahead, then removed again.
    expect(happened).toContain(`set ${SCOPE}/account`);
    expect(happened).toContain(`delete ${SCOPE}/account`);
    expect(await keychain.names()).toEqual([]);
    expect(value(await h.core.handlers['account.status'](undefined))).toEqual({ connected: false });
    expect(h.state.read().known).toEqual([]);
  });

  it('the same account connected again with its own key: a failure leaves its entries in place', async () => {
    const { h, simulator, keychain, happened, failPage } = connectWithLaterPagesFailing();
    value(await h.core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    const before = (await keychain.names()).sort();
    failPage('9');
    failure(await h.core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    expect(happened.filter((line) => line.startsWith('delete'))).toEqual([]);
    expect((await keychain.names()).sort()).toEqual(before);
    expect(await keychain.get(`${SCOPE}/account`)).toBe(simulator.ownerKey);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ connected: true });
  });

  it('another key of a known account is not written ahead: its connecting key stays until Connect succeeds', async () => {
    const { h, simulator, keychain, happened, failPage } = connectWithLaterPagesFailing();
    value(await h.core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    const created = value(await h.core.handlers['keys.create']({ tags: [], expiresAt: null }));
    const other = await keychain.get(`${SCOPE}/key:${created.key.id}`);
    if (!other) throw new Error('the created key was not kept');
    happened.length = 0;
    failPage('9');
    failure(await h.core.handlers['account.connect']({ apiKey: other }));
    expect(happened.filter((line) => line.startsWith('set') || line.startsWith('delete'))).toEqual([]);
    expect(await keychain.get(`${SCOPE}/account`)).toBe(simulator.ownerKey);

    failPage(null);
    value(await h.core.handlers['account.connect']({ apiKey: other }));
    expect(await keychain.get(`${SCOPE}/account`)).toBe(other);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({
      keyId: created.key.id,
    });
  });
});
