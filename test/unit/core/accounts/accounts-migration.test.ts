import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';
import type { SecretStore } from '../../../../electron/core/secrets/secret-store.js';
import { createMemoryDocumentStore } from '../../../../electron/core/settings/json-store.js';
import { decodeStoredDocument } from '../../../../electron/core/settings/stored-document.js';
import {
  DEFAULT_SETTINGS,
  EMPTY_ACCOUNT_DATA,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  SettingsFile,
} from '../../../../electron/core/settings/stored-state.js';
import { createCoreHarness } from '../../../fixtures/core-harness.js';

const KEY_ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
const account = (mode: 'telnyx' | 'demo', scope: string | null) => ({
  mode,
  keyId: KEY_ID,
  scope,
  isOwner: true,
  connectedAt: '2026-03-01T09:00:00.000Z',
});
/** A version 2 document as the build before several accounts wrote it. */
const v2 = (active: unknown) => ({
  preferences: DEFAULT_SETTINGS.preferences,
  account: active,
  accounts: { 'u:user-owner-42': EMPTY_ACCOUNT_DATA },
  legacyFor: null,
});

describe('settings version 2 → 3 (several accounts)', () => {
  it('the connected account becomes the first known one, named "Account 1" (the demo: "Demo"); none connected: none known', () => {
    const spec = {
      schema: SettingsFile,
      defaults: DEFAULT_SETTINGS,
      version: SETTINGS_VERSION,
      migrations: SETTINGS_MIGRATIONS,
    };
    expect(SETTINGS_VERSION).toBe(3);
    const real = decodeStoredDocument(
      { version: 2, document: v2(account('telnyx', 'u:user-owner-42')) },
      spec,
    );
    expect(real).toMatchObject({ kind: 'current', migratedFrom: 2 });
    expect(real.kind === 'current' && real.value.known).toEqual([
      { ...account('telnyx', 'u:user-owner-42'), name: 'Account 1' },
    ]);
    expect(real.kind === 'current' && real.value.account).toEqual(account('telnyx', 'u:user-owner-42'));
    const demo = SettingsFile.parse(SETTINGS_MIGRATIONS[1]?.(v2(account('demo', 'demo'))));
    expect(demo.known.map((k) => k.name)).toEqual(['Demo']);
    expect(SettingsFile.parse(SETTINGS_MIGRATIONS[1]?.(v2(null))).known).toEqual([]);
    // A version 1 file goes through both steps.
    const v1 = SettingsFile.parse(
      SETTINGS_MIGRATIONS[1]?.(
        SETTINGS_MIGRATIONS[0]?.({
          preferences: DEFAULT_SETTINGS.preferences,
          account: { ...account('telnyx', null), baseUrl: 'https://api.telnyx.com/v2' },
        }),
      ),
    );
    expect(v1.known).toMatchObject([{ keyId: KEY_ID, scope: null, name: 'Account 1' }]);
  });
});

/** A version 2 computer: the settings migrated on read, and the connecting key in the keychain as `account`. */
async function v2Computer(secrets: SecretStore, scope: string | null) {
  const probe = createCoreHarness();
  const keyId = probe.simulator.ownerKey.split('_')[0] ?? '';
  const migrated = SettingsFile.parse(
    SETTINGS_MIGRATIONS[1]?.({ ...v2({ ...account('telnyx', scope), keyId }) }),
  );
  await secrets.set('account', probe.simulator.ownerKey);
  return { probe, state: createMemoryDocumentStore(migrated), keyId };
}

describe('the connecting key moves from `account` to `<scope>/account` at the first start', () => {
  it('is copied, read back, and only then the old entry removed; the account restores as before', async () => {
    const secrets = createMemorySecretStore();
    const { probe, state } = await v2Computer(secrets, 'u:user-owner-42');
    const h = createCoreHarness({ secrets, state, simulatorInstance: probe.simulator });
    expect(await h.core.start()).toMatchObject({ connected: true, name: 'Account 1', accountCount: 1 });
    expect(await secrets.get('u:user-owner-42/account')).toBe(probe.simulator.ownerKey);
    expect(await secrets.get('account')).toBeNull();
    // The next start finds it where it now lives.
    const again = createCoreHarness({ secrets, state, simulatorInstance: probe.simulator });
    expect(await again.core.start()).toMatchObject({ connected: true });
  });

  it('an account saved before scopes learns its scope first, then its key moves under it', async () => {
    const secrets = createMemorySecretStore();
    const { probe, state } = await v2Computer(secrets, null);
    const h = createCoreHarness({ secrets, state, simulatorInstance: probe.simulator });
    expect(await h.core.start()).toMatchObject({ connected: true, accountId: 'u:user-owner-42' });
    expect(state.read().known).toMatchObject([{ scope: 'u:user-owner-42', name: 'Account 1' }]);
    expect(await secrets.get('u:user-owner-42/account')).toBe(probe.simulator.ownerKey);
    expect(await secrets.get('account')).toBeNull();
  });

  it('a copy that does not read back leaves the old entry where it was (never lost)', async () => {
    const inner = createMemorySecretStore();
    // A keychain that accepts the new entry but gives back something else for it.
    const lying: SecretStore = {
      ...inner,
      kind: inner.kind,
      get: async (name) => (name.endsWith('/account') ? 'garbled' : inner.get(name)),
      set: (name, secret) => inner.set(name, secret),
      delete: (name) => inner.delete(name),
      names: () => inner.names(),
    };
    const { probe, state } = await v2Computer(inner, 'u:user-owner-42');
    const h = createCoreHarness({ secrets: lying, state, simulatorInstance: probe.simulator });
    expect(await h.core.start()).toMatchObject({ connected: true });
    expect(await inner.get('account')).toBe(probe.simulator.ownerKey);
    expect(h.logs.some((line) => /did not read back/.test(line.message))).toBe(true);
  });

  it('a keychain that fails while moving keeps the old entry; the account still restores', async () => {
    const inner = createMemorySecretStore();
    const failingSet: SecretStore = {
      kind: inner.kind,
      get: (name) => inner.get(name),
      set: async () => {
        throw new Error('keychain write failed');
      },
      delete: (name) => inner.delete(name),
      names: () => inner.names(),
    };
    const { probe, state } = await v2Computer(inner, 'u:user-owner-42');
    const h = createCoreHarness({ secrets: failingSet, state, simulatorInstance: probe.simulator });
    expect(await h.core.start()).toMatchObject({ connected: true });
    expect(await inner.get('account')).toBe(probe.simulator.ownerKey);
  });
});
