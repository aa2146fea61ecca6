import { describe, expect, it } from 'vitest';
import { expiryFromPreset } from '../../electron/common/expiry-input.js';
import { createManualClock } from '../../electron/core/clock/manual-clock.js';
import { AppError } from '../../electron/core/errors.js';
import { createKeychainStore } from '../../electron/core/secrets/keychain-store.js';
import { secretName, type SecretStore } from '../../electron/core/secrets/secret-store.js';
import { createSimulator, startSimulatorServer } from '../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, START, value } from '../fixtures/core-harness.js';
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

const PROFILES = ['default', 'docs-minimal'] as const;

describe.runIf(keyringReady).each(PROFILES)(
  'creating a key, with the real keychain and the %s simulator on loopback',
  (profile) => {
    async function setup(secrets: SecretStore) {
      // One fixed clock for the core and the simulator (it stamps creation dates and refuses past expiries), so
      // the test reads the same at any hour and in any year.
      const clock = createManualClock(START);
      const simulator = createSimulator({ keyCount: 10, profile, now: () => clock.now() });
      const server = await startSimulatorServer(simulator);
      const harness = createCoreHarness({ secrets, fetch, clock, env: { TELNYX_BASE_URL: server.url } });
      value(await harness.core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
      return { ...harness, simulator, close: () => server.close() };
    }

    it('has the secret in the keychain before the call returns, and copies exactly what Telnyx issued', async () => {
      const secrets = createKeychainStore(testService(`create-${profile}`));
      const { core, simulator, desktop, close } = await setup(secrets);
      const requested = { tags: ['prod', 'sms', 'ci'], expiresAt: expiryFromPreset(START, 30) };
      const created = value(await core.handlers['keys.create'](requested));
      const issued = simulator.state.issued[0]?.value ?? 'missing';
      expect(created.saved).toBe(true);
      expect(created.message).toMatch(/Saved in your system keychain/);
      expect(created.requested).toEqual(requested);
      if (profile === 'default') {
        expect(created.key.tags).toEqual(['prod', 'sms', 'ci']);
        expect(created.notApplied).toBeNull();
      } else {
        // docs-minimal's create ignores tags and expiry: said so, with what was asked kept.
        expect(created.key.tags).toEqual([]);
        expect(created.notApplied).toEqual(requested);
      }
      expect(await secrets.get(`u:user-owner-42/${secretName.key(created.key.id)}`)).toBe(issued);
      // The secret part is everything after the first `_`: it may hold `_` itself (or start with one).
      const secretPart = issued.slice(issued.indexOf('_') + 1);
      expect(secretPart).toHaveLength(22);
      expect(JSON.stringify(created)).not.toContain(secretPart);

      value(await core.handlers['keys.copy']({ id: created.key.id, format: 'raw' }));
      expect(desktop.clipboard).toBe(issued);
      await close();
    });

    it('when the keychain refuses the new secret, the key can still be copied and the message says it is not saved', async () => {
      const keychain = lockable(createKeychainStore(testService(`refuse-${profile}`)));
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
  },
);
