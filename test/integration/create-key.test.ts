import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors.js';
import { createKeychainStore } from '../../electron/core/secrets/keychain-store.js';
import { secretName, type SecretStore } from '../../electron/core/secrets/secret-store.js';
import { createSimulator, startSimulatorServer } from '../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, value } from '../fixtures/core-harness.js';
import { keyringReady, testService } from '../fixtures/keyring.js';

/** The real keychain, which starts refusing writes when told to: a keychain that locks mid-session. */
function lockable(store: SecretStore) {
  let locked = false;
  const wrapped: SecretStore = {
    kind: store.kind,
    get: (name) => store.get(name),
    names: () => store.names(),
    delete: (name) => store.delete(name),
    set: async (name, secret) => {
      if (locked) throw new AppError('keychain-unavailable', 'The keychain is locked.');
      return store.set(name, secret);
    },
  };
  return { store: wrapped, lock: () => void (locked = true) };
}

describe.runIf(keyringReady)('creating a key, with the real keychain and the simulator on loopback', () => {
  async function setup(secrets: SecretStore) {
    const simulator = createSimulator({ keyCount: 10 });
    const server = await startSimulatorServer(simulator);
    const harness = createCoreHarness({ secrets, fetch, env: { TELNYX_BASE_URL: server.url } });
    value(await harness.core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    return { ...harness, simulator, close: () => server.close() };
  }

  it('has the secret in the keychain before the call returns, and copies exactly what Telnyx issued', async () => {
    const secrets = createKeychainStore(testService('create'));
    const { core, simulator, desktop, close } = await setup(secrets);
    const created = value(
      await core.handlers['keys.create']({
        tags: ['prod', 'sms', 'ci'],
        expiresAt: '2030-01-01T00:00:00.000Z',
      }),
    );
    const issued = simulator.state.issued[0]?.value ?? 'missing';
    expect(created.saved).toBe(true);
    expect(created.message).toMatch(/Saved in your system keychain/);
    expect(created.key.tags).toEqual(['prod', 'sms', 'ci']);
    expect(await secrets.get(secretName.key(created.key.id))).toBe(issued);
    expect(JSON.stringify(created)).not.toContain(issued.split('_')[1]);

    value(await core.handlers['keys.copy']({ id: created.key.id, format: 'raw' }));
    expect(desktop.clipboard).toBe(issued);
    await close();
  });

  it('when the keychain refuses the new secret, the key can still be copied and the message says it is not saved', async () => {
    const keychain = lockable(createKeychainStore(testService('refuse')));
    const { core, simulator, desktop, close } = await setup(keychain.store);
    keychain.lock();
    const created = value(await core.handlers['keys.create']({ tags: [], expiresAt: null }));
    expect(created.saved).toBe(false);
    expect(created.key.unsaved).toBe(true);
    expect(created.message).toBe(
      'Keytray could not save this key in the system keychain. Copy it now and keep it somewhere safe: it will be lost when Keytray quits.',
    );
    value(await core.handlers['keys.copy']({ id: created.key.id, format: 'env' }));
    expect(desktop.clipboard).toBe(`TELNYX_API_KEY=${simulator.state.issued[0]?.value}`);
    await close();
  });
});
