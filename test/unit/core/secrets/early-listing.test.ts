import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRESH_MS, withEarlyListing } from '../../../../electron/core/secrets/early-listing.js';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';

/** A keychain that counts how often it is asked for its entries. */
function countedKeychain(initial: Record<string, string> = {}) {
  const store = createMemorySecretStore(initial);
  const listings = { count: 0 };
  const names = store.names.bind(store);
  store.names = () => (listings.count++, names());
  return { store, listings };
}

afterEach(() => vi.useRealTimers());

describe('the keychain listed ahead of need (Connect lists it while Telnyx answers)', () => {
  it('the next listing is the one asked for ahead, with the writes and deletes made since', async () => {
    const { store, listings } = countedKeychain({ 'u:a/key:KEYOLD1': 'x', 'u:a/key:KEYGONE': 'y' });
    const keychain = withEarlyListing(store);
    keychain.listAhead();
    await keychain.set('u:a/key:KEYNEW1', 'z');
    await keychain.delete('u:a/key:KEYGONE');
    expect((await keychain.names()).sort()).toEqual(['u:a/key:KEYNEW1', 'u:a/key:KEYOLD1']);
    expect(listings.count).toBe(1);
    // Used once: the next listing asks the keychain itself.
    await keychain.names();
    expect(listings.count).toBe(2);
  });

  it('a listing that failed, or one asked for long ago, is not used: the keychain is asked again', async () => {
    const { store, listings } = countedKeychain({ 'u:a/key:KEYOLD1': 'x' });
    const keychain = withEarlyListing(store);
    store.breakWith(new Error('locked'));
    keychain.listAhead();
    store.breakWith(null);
    expect(await keychain.names()).toEqual(['u:a/key:KEYOLD1']);
    expect(listings.count).toBe(2);

    vi.useFakeTimers();
    keychain.listAhead();
    await store.set('u:a/key:KEYLATER', 'outside this store');
    vi.advanceTimersByTime(FRESH_MS + 1);
    expect((await keychain.names()).sort()).toEqual(['u:a/key:KEYLATER', 'u:a/key:KEYOLD1']);
  });

  it('asked for again while one is fresh (pasted, then Connect): the keychain is listed once', async () => {
    const { store, listings } = countedKeychain({ 'u:a/key:KEYOLD1': 'x' });
    const keychain = withEarlyListing(store);
    keychain.listAhead();
    keychain.listAhead();
    // Looked at (Connect deciding what it may write ahead) without using it up.
    expect([...((await keychain.listed()) ?? [])]).toEqual(['u:a/key:KEYOLD1']);
    await keychain.set('u:a/account', 'y');
    expect(await keychain.names()).toEqual(['u:a/key:KEYOLD1', 'u:a/account']);
    expect(listings.count).toBe(1);
    expect(await keychain.listed()).toBeNull();
  });

  it('a listing that failed is asked for again by the next listAhead, and none is looked at meanwhile', async () => {
    const { store, listings } = countedKeychain({ 'u:a/key:KEYOLD1': 'x' });
    const keychain = withEarlyListing(store);
    store.breakWith(new Error('locked'));
    keychain.listAhead();
    expect(await keychain.listed()).toBeNull();
    store.breakWith(null);
    keychain.listAhead();
    expect([...((await keychain.listed()) ?? [])]).toEqual(['u:a/key:KEYOLD1']);
    expect(listings.count).toBe(2);
  });
});
