import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors.js';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';
import type { Simulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

const SCOPE = 'u:user-owner-42';

async function connected(options: Parameters<typeof createCoreHarness>[0] = {}) {
  const harness = createCoreHarness(options);
  value(await harness.core.handlers['account.connect']({ apiKey: harness.simulator.ownerKey }));
  return harness;
}

const listed = (simulator: Simulator) =>
  simulator.state.keys.filter((k) => k.value !== simulator.ownerKey && k.userId !== 'user-gone');
const isLive = (k: Simulator['state']['keys'][number]) =>
  k.status === 'active' && (k.expiresAt === null || Date.parse(k.expiresAt) > Date.parse('2026-03-03'));
/** Right id, wrong secret: what a person gets by pasting the wrong line. */
const wrongSecretOf = (id: string) => `${id}_wrongwrongwrongwrong00`;
const failure = (result: { ok: boolean; error?: { code: string; message: string } }) => result.error;

describe('a pasted full key is checked with Telnyx before it is stored', () => {
  it('a right key of an active key is saved; a wrong one is refused in plain words and nothing is saved', async () => {
    const { core, simulator, secrets } = await connected();
    const key = listed(simulator).find(isLive);
    if (!key) throw new Error('no active key');
    const refused = await core.handlers['keys.saveSecret']({ id: key.id, value: wrongSecretOf(key.id) });
    expect(failure(refused)).toEqual({
      code: 'rejected',
      message: expect.stringMatching(
        /^Telnyx refused that key, so it is not the full key of KEY.*Nothing was saved\.$/,
      ),
    });
    expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBeNull();
    // Even "save without checking" cannot store a key Telnyx said is wrong.
    const forced = await core.handlers['keys.saveSecret']({
      id: key.id,
      value: wrongSecretOf(key.id),
      confirmUnchecked: true,
    });
    expect(failure(forced)?.code).toBe('rejected');

    const saved = value(await core.handlers['keys.saveSecret']({ id: key.id, value: key.value }));
    expect(saved).toMatchObject({ outcome: 'saved', key: { id: key.id, hasSecret: true } });
    expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBe(key.value);
  });

  it('a disabled or expired key cannot be checked (Telnyx refuses them all): saved only when the person confirms', async () => {
    const { core, simulator, secrets } = await connected();
    for (const key of [
      listed(simulator).find((k) => k.status === 'inactive'),
      listed(simulator).find(
        (k) => k.expiresAt !== null && Date.parse(k.expiresAt) < Date.parse('2026-03-02'),
      ),
    ]) {
      if (!key) throw new Error('no such key in the organization');
      const asked = value(await core.handlers['keys.saveSecret']({ id: key.id, value: key.value }));
      expect(asked).toEqual({
        outcome: 'unchecked',
        reason: expect.stringMatching(
          /is (disabled|expired), and Telnyx refuses every (disabled|expired) key/,
        ),
      });
      expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBeNull();
      const confirmed = value(
        await core.handlers['keys.saveSecret']({ id: key.id, value: key.value, confirmUnchecked: true }),
      );
      expect(confirmed.outcome).toBe('saved');
      expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBe(key.value);
    }
  });

  it('when Telnyx cannot be reached, says it could not check, and saves only on confirmation', async () => {
    const { core, simulator, secrets } = await connected();
    const key = listed(simulator).find(isLive);
    if (!key) throw new Error('no active key');
    simulator.faults.add({ kind: 'status', status: 503, path: '/balance', count: 20 });
    const asked = value(await core.handlers['keys.saveSecret']({ id: key.id, value: key.value }));
    expect(asked).toEqual({
      outcome: 'unchecked',
      reason: 'Keytray could not reach Telnyx to check that this is the right key.',
    });
    expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBeNull();
  });
});

describe('no path loses a secret Keytray holds', () => {
  it('Save the full key never replaces a held secret; Change saved key does, checked the same way', async () => {
    const { core, simulator, secrets } = await connected();
    const key = listed(simulator).find(isLive);
    if (!key) throw new Error('no active key');
    // A stale value saved earlier (say, pasted from the wrong note and confirmed while Telnyx was down).
    await secrets.set(`${SCOPE}/key:${key.id}`, wrongSecretOf(key.id));
    const again = await core.handlers['keys.saveSecret']({ id: key.id, value: key.value });
    expect(failure(again)).toEqual({
      code: 'rejected',
      message: expect.stringMatching(
        /^Keytray already holds the full key of KEY.*use "Change saved key…"\.$/,
      ),
    });
    expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBe(wrongSecretOf(key.id));

    const wrongChange = await core.handlers['keys.changeSecret']({
      id: key.id,
      value: `${key.id}_anotherwrongsecret0000`,
    });
    expect(failure(wrongChange)?.code).toBe('rejected');
    expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBe(wrongSecretOf(key.id));

    expect(value(await core.handlers['keys.changeSecret']({ id: key.id, value: key.value })).outcome).toBe(
      'saved',
    );
    expect(value(await core.handlers['keys.reveal']({ id: key.id }))).toEqual({ secret: key.value });
  });

  it('Forget saved key deletes Keytray\u2019s copy only on that explicit call, and never the key Keytray uses', async () => {
    const { core, simulator, secrets } = await connected();
    const key = listed(simulator).find(isLive);
    if (!key) throw new Error('no active key');
    value(await core.handlers['keys.saveSecret']({ id: key.id, value: key.value }));
    const forgotten = value(await core.handlers['keys.forgetSecret']({ id: key.id }));
    expect(forgotten.hasSecret).toBe(false);
    expect(await secrets.get(`${SCOPE}/key:${key.id}`)).toBeNull();
    expect(simulator.state.keys.find((k) => k.id === key.id)?.status).toBe('active');
    const own = simulator.ownerKey.split('_')[0] ?? '';
    expect(failure(await core.handlers['keys.forgetSecret']({ id: own }))?.code).toBe('rejected');
    expect(await secrets.get(`${SCOPE}/key:${own}`)).toBe(simulator.ownerKey);
  });

  it('a key the keychain refused survives Disconnect and a failed connect, and Quit asks first', async () => {
    const secrets = createMemorySecretStore();
    const h = await connected({ secrets });
    secrets.breakWith(new AppError('keychain-unavailable', 'Keytray could not reach the system keychain.'));
    const created = value(await h.core.handlers['keys.create']({ tags: ['ci'], expiresAt: null }));
    expect(created.saved).toBe(false);
    const id = created.key.id;
    const secret = h.simulator.state.issued[0]?.value ?? '';
    secrets.breakWith(null);
    expect(value(await h.core.handlers['keys.unsaved'](undefined))).toEqual({ keyIds: [id], elsewhere: 0 });

    // A connect that fails leaves the account, and the key, as they were.
    const refused = await h.core.handlers['account.connect']({ apiKey: wrongSecretOf(id) });
    expect(refused.ok).toBe(false);
    value(await h.core.handlers['keys.copy']({ id, format: 'raw' }));
    expect(h.desktop.clipboard).toBe(secret);

    value(await h.core.handlers['account.disconnect'](undefined));
    expect(value(await h.core.handlers['keys.unsaved'](undefined))).toEqual({ keyIds: [], elsewhere: 1 });
    expect(h.core.requestQuit()).toBe('confirm');
    expect(h.desktop.quits).toBe(0);
    expect(h.desktop.popupShown.length).toBeGreaterThan(0);

    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    h.desktop.clipboard = '';
    value(await h.core.handlers['keys.copy']({ id, format: 'raw' }));
    expect(h.desktop.clipboard).toBe(secret);
    expect(value(await h.core.handlers['keys.list'](undefined)).keys.find((k) => k.id === id)).toMatchObject({
      hasSecret: true,
      unsaved: true,
    });
  });

  it('while the keychain is unreachable, Forget of a key held in memory and Disconnect still work', async () => {
    const secrets = createMemorySecretStore();
    const h = await connected({ secrets });
    secrets.breakWith(new AppError('keychain-unavailable', 'Keytray could not reach the system keychain.'));
    const created = value(await h.core.handlers['keys.create']({ tags: [], expiresAt: null }));
    const forgotten = value(await h.core.handlers['keys.forgetSecret']({ id: created.key.id }));
    expect(forgotten).toMatchObject({ hasSecret: false, unsaved: false });
    expect(value(await h.core.handlers['account.disconnect'](undefined))).toEqual({ connected: false });
    expect(h.state.read().account).toBeNull();
  });

  it('Quit with nothing held only in memory quits at once', async () => {
    const h = await connected();
    expect(h.core.requestQuit()).toBe('quit');
    expect(h.desktop.quits).toBe(1);
  });
});
