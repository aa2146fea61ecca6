import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../electron/core/secrets/keychain-store.js';
import { scopedSecretStore } from '../../electron/core/secrets/scoped-secret-store.js';
import { keyringReady, testService } from '../fixtures/keyring.js';

describe.runIf(keyringReady)('keychain adapter on a real gnome-keyring (D-Bus Secret Service)', () => {
  it('sets, gets, lists and deletes entries', async () => {
    const store = createKeychainStore(testService('crud'));
    expect(await store.get('key:KEY1')).toBeNull();
    await store.set('key:KEY1', 'KEY1_first-secret-value');
    await store.set('token:abc', 'token-value-22-chars-x');
    expect(await store.get('key:KEY1')).toBe('KEY1_first-secret-value');
    expect((await store.names()).sort()).toEqual(['key:KEY1', 'token:abc']);
    await store.set('key:KEY1', 'KEY1_replaced-secret');
    expect(await store.get('key:KEY1')).toBe('KEY1_replaced-secret');
    expect(await store.delete('key:KEY1')).toBe(true);
    expect(await store.delete('key:KEY1')).toBe(false);
    expect(await store.names()).toEqual(['token:abc']);
  });

  it('keeps accounts apart inside one service: an account lists, reads and deletes only its own entries', async () => {
    const keychain = createKeychainStore(testService('scoped'));
    const first = scopedSecretStore(keychain, 'u:user-1');
    const second = scopedSecretStore(keychain, 'k:KEY0190AB12CD34EF56AB78CD90EF12AB34');
    await first.set('key:KEY1', 'KEY1_first-account-secret');
    await keychain.set('key:KEY2', 'KEY2_saved-before-accounts');
    expect(await second.get('key:KEY1')).toBeNull();
    expect(await second.names()).toEqual([]);
    expect(await second.delete('key:KEY1')).toBe(false);
    expect(await first.names()).toEqual(['key:KEY1']);
    expect(await first.get('key:KEY1')).toBe('KEY1_first-account-secret');
    expect((await keychain.names()).sort()).toEqual(['key:KEY2', 'u:user-1/key:KEY1']);
  });

  it('keeps services apart', async () => {
    const a = createKeychainStore(testService('a'));
    const b = createKeychainStore(testService('b'));
    await a.set('account', 'secret-a-value');
    expect(await b.get('account')).toBeNull();
    expect(await b.names()).toEqual([]);
  });
});

describe('keychain adapter with no Secret Service', () => {
  it('refuses to store, in plain words, and falls back to nothing', async () => {
    // A child process with no D-Bus session at all: what a headless or minimal desktop has.
    const script = `
      import { createKeychainStore } from './electron/core/secrets/keychain-store.ts';
      try { await createKeychainStore('KeytrayTest-none').set('account', 'x-secret-value'); console.log('STORED'); }
      catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keytray-test-bus' };
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env,
        cwd: process.cwd(),
        timeout: 15_000,
      },
    );
    const answer = JSON.parse(stdout.trim()) as { code: string; message: string };
    expect(answer.code).toBe('keychain-unavailable');
    expect(answer.message).toMatch(/^Keytray could not reach the system keychain, so nothing was stored\./);
    expect(answer.message).toMatch(/Secret Service/);
  });
});
