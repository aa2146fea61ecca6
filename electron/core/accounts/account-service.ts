import { expiryTime } from '../../common/expiry.js';
import { parseKeyValue } from '../../common/key-id.js';
import type { AccountStatus, Capabilities } from '../../common/models.js';
import { AppError, PORTAL_URL } from '../errors.js';
import type { Clock, Fetch, Logger } from '../ports.js';
import type { Redactor } from '../logging/redact.js';
import { createMemorySecretStore } from '../secrets/memory-store.js';
import { scopedSecretStore } from '../secrets/scoped-secret-store.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KnownAccount, SettingsFile, StoredAccount } from '../settings/stored-state.js';
import { createTelnyxClient, resolveBaseUrl, type TelnyxClient } from '../telnyx/client.js';
import { createSimulator } from '../telnyx/simulator/simulator.js';
import type { KeyRecord } from '../telnyx/unverified.js';
import { accountScope, DEMO_SCOPE } from './account-scope.js';
import { claimLegacyData } from './legacy-data.js';
import { keepAhead, moveConnectingKey, type KeptAhead } from './connecting-key.js';
import { accountIdOf, checkNameFree, storedOf, summaries, withAccount } from './known-accounts.js';
import { wrongCredential } from '../wrong-credential.js';
import type { CapabilityName, Session } from './session.js';

export type AccountDeps = {
  fetch: Fetch;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  secrets: SecretStore;
  /** The whole settings file: the account record, and the per-account data a new account may claim. */
  settings: DocumentStore<SettingsFile>;
  env: NodeJS.ProcessEnv;
  /** A packaged build talks to api.telnyx.com only (see `base-url.ts`). */
  packaged: boolean;
  /** The keychain's entries as listed ahead of need, if they are (see `withEarlyListing`). */
  listedAhead?: () => Promise<ReadonlySet<string> | null>;
  /** Test hook: how the client sleeps between retries. */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
};

/** What connecting learned: the status, and the key list when finding out who the account is needed it. */
export type Connected = { status: AccountStatus; listed: KeyRecord[] | null };

/** How a pasted secret fared with Telnyx (`GET /v2/balance` with that secret). */
export type SecretCheck = 'accepted' | 'refused' | 'unreachable';

const UNKNOWN_CAPABILITIES = { editTags: 'unknown', listOwn: 'unknown', deleteOwn: 'unknown' } as const;
const DEMO_KEY_COUNT = 60;
const DEMO_BASE_URL = 'https://demo.keytray.invalid/v2';

/**
 * The accounts: connecting (adding) one, the demo, restoring the active one at start, switching, renaming,
 * removing and disconnecting. Each real account's connecting key lives in the keychain under
 * `<scope>/account`; settings keep only its id, the mode, whose account it is (its scope), its name and what
 * the API turned out to allow — never where the API is (see `base-url.ts`). One account is active at a time:
 * the services see only its part of everything (`account-scoped-state.ts`).
 */
export function createAccountService(deps: AccountDeps) {
  let session: Session | null = null;
  let demo: ReturnType<typeof createSimulator> | null = null;
  /**
   * Connect, the demo, restore and disconnect run one at a time: a Connect clicked while the start-up restore
   * waits on the keychain or Telnyx must not be replaced by the restored account when that finishes.
   */
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(change: () => Promise<T>): Promise<T> => {
    const next = queue.then(change, change);
    queue = next.catch(() => undefined);
    return next;
  };

  /** `scope`: the account whose learned field spellings (compatibility check) its lists are read with. */
  const client = (fetch: Fetch, baseUrl: string, apiKey: string, scope?: string): TelnyxClient =>
    createTelnyxClient({
      fetch,
      baseUrl,
      apiKey,
      logger: deps.logger,
      now: () => deps.clock.now(),
      ...(scope === undefined
        ? {}
        : { learnedSpellings: () => deps.settings.read().accounts[scope]?.telnyxFields?.keyRecord ?? null }),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });

  /** The demo organization is simulated in-process and seeded the same on every start. */
  const demoSimulator = () =>
    (demo ??= createSimulator({ keyCount: DEMO_KEY_COUNT, seed: 7, now: () => deps.clock.now() }));

  /**
   * Both questions at once, one round trip instead of two (both are reads). A key Telnyx refuses fails
   * `checkKey`, whatever the other answer says; that one is then dropped, never left unhandled.
   */
  async function learn(apiClient: TelnyxClient): Promise<Capabilities> {
    const owner = apiClient.isOwner().then(
      (isOwner) => ({ isOwner }),
      (error: unknown) => ({ error }),
    );
    await apiClient.checkKey();
    const answer = await owner;
    if ('error' in answer) throw answer.error;
    return { isOwner: answer.isOwner, ...UNKNOWN_CAPABILITIES };
  }

  const parseExpiry = (record: KeyRecord) => (expiryTime(record), record);

  /**
   * Who the account is: an owner's list names the connected key's user (see `account-scope.ts`). `onOwn` hears
   * of the connected key's record as soon as its page is in, while later pages are on their way.
   */
  async function identify(
    apiClient: TelnyxClient,
    keyId: string,
    isOwner: boolean,
    onOwn: (record: KeyRecord) => void = () => undefined,
    onRecord: (record: KeyRecord) => void = () => undefined,
  ) {
    // Each expiry parsed as its page arrives, while later pages are on their way: the popup's first screen
    // (its order) and the attention count need every key's as soon as the last page is in.
    const seen = (record: KeyRecord) => {
      if (record.id === keyId) onOwn(record);
      parseExpiry(record);
      onRecord(record);
      return record;
    };
    const listed = isOwner ? await apiClient.listOrganizationKeys(undefined, seen) : null;
    return { scope: accountScope(keyId, listed), listed };
  }

  /** Makes `account` the active one, and adds it to (or updates it in) the known accounts. */
  function persist(account: StoredAccount | null, name: string | null = null) {
    const file = deps.settings.read();
    const known = account ? withAccount(file.known, account, name) : file.known;
    deps.settings.write({ ...file, account, known });
  }

  /** The keychain entry holding a real account's connecting key. */
  const connectingKey = (scope: string) => scopedSecretStore(deps.secrets, scope);

  function telnyxSession(keyId: string, value: string, scope: string, capabilities: Capabilities): Session {
    const baseUrl = resolveBaseUrl(deps.env, deps.packaged);
    return {
      mode: 'telnyx',
      keyId,
      scope,
      client: client(deps.fetch, baseUrl, value, scope),
      clientFor: (apiKey) => client(deps.fetch, baseUrl, apiKey),
      keySecrets: scopedSecretStore(deps.secrets, scope),
      unscopedSecrets: deps.secrets,
      capabilities,
    };
  }

  function demoSession(keyId: string, capabilities: Capabilities): Session {
    const simulator = demoSimulator();
    return {
      mode: 'demo',
      keyId,
      scope: DEMO_SCOPE,
      client: client(simulator.fetch, DEMO_BASE_URL, simulator.ownerKey, DEMO_SCOPE),
      clientFor: (apiKey) => client(simulator.fetch, DEMO_BASE_URL, apiKey),
      keySecrets: createMemorySecretStore({ [secretName.key(keyId)]: simulator.ownerKey }),
      unscopedSecrets: null,
      capabilities,
    };
  }

  /** Data saved before accounts were told apart goes to the first account that connects. */
  async function claimLegacy(next: Session) {
    if (next.unscopedSecrets === null) return;
    await claimLegacyData({
      settings: deps.settings,
      scope: next.scope,
      keyId: next.keyId,
      unscoped: next.unscopedSecrets,
      scoped: next.keySecrets,
      logger: deps.logger,
    });
  }

  function status(): AccountStatus {
    if (!session) return { connected: false };
    const { known } = deps.settings.read();
    const scope = session.scope;
    return {
      connected: true,
      mode: session.mode,
      keyId: session.keyId,
      capabilities: session.capabilities,
      portalUrl: PORTAL_URL,
      accountId: scope,
      name:
        known.find((k) => accountIdOf(k) === scope)?.name ?? (session.mode === 'demo' ? 'Demo' : 'Account'),
      accountCount: Math.max(1, known.length),
      accountKeyIds: [...new Set([session.keyId, ...known.map((k) => k.keyId)])],
    };
  }

  /**
   * Validates a pasted key with Telnyx, finds out whose account it is, then keeps it in the keychain. A
   * refused key, or any failure before the keychain write, changes nothing: the account connected before
   * (if any) stays connected. `onRecord` sees each record of the key list as its page is parsed.
   */
  async function connect(
    apiKey: string,
    name: string | null,
    onRecord?: (record: KeyRecord) => void,
  ): Promise<Connected> {
    const value = apiKey.trim();
    const wrongKind = wrongCredential('connect', value);
    if (wrongKind) throw wrongKind;
    const parsed = parseKeyValue(value);
    if (!parsed) {
      throw new AppError(
        'invalid-input',
        'That does not look like a Telnyx API key. A key starts with KEY and has an underscore in it; copy it again from the portal.',
      );
    }
    deps.redactor.remember(value);
    const apiClient = client(deps.fetch, resolveBaseUrl(deps.env, deps.packaged), value);
    const capabilities = await learn(apiClient);
    const { scope, listed, record } = await identifyAndKeep(apiClient, parsed.id, value, capabilities, {
      name,
      onRecord,
    });
    const next = telnyxSession(parsed.id, value, scope, capabilities);
    session = next;
    persist(record, name);
    await claimLegacy(next);
    deps.logger.info('connected', { keyId: parsed.id, owner: capabilities.isOwner, scope });
    return { status: status(), listed };
  }

  /**
   * Finds out whose account the key is, and keeps the key in the keychain: as soon as a page of the key list
   * says whose it is, where that can be undone (`keepAhead`), else after the list. A failure here (Telnyx, the
   * keychain, a twelfth account) changes nothing.
   */
  async function identifyAndKeep(
    apiClient: TelnyxClient,
    keyId: string,
    value: string,
    capabilities: Capabilities,
    { name, onRecord }: { name: string | null; onRecord?: ((record: KeyRecord) => void) | undefined },
  ) {
    const recordIn = (scope: string): StoredAccount => ({
      mode: 'telnyx',
      keyId,
      scope,
      isOwner: capabilities.isOwner,
      connectedAt: deps.clock.now().toISOString(),
    });
    /** Set from a page parse callback (see `keepAhead`), so held in an object TypeScript does not narrow. */
    const early: { ahead: KeptAhead | null } = { ahead: null };
    try {
      const found = await identify(
        apiClient,
        keyId,
        capabilities.isOwner,
        (own) => (early.ahead ??= keepAheadFor(recordIn(accountScope(keyId, [own])), value, name)),
        onRecord,
      );
      const record = recordIn(found.scope);
      // Checked before anything is written: a twelfth account is refused with nothing changed.
      withAccount(deps.settings.read().known, record, name);
      // The account key is a key like any other: Keytray holds its secret, so it can be copied. Written before
      // `<scope>/account`, so a keychain failure between the two leaves the accounts as they were.
      if (!(await early.ahead?.kept(found.scope))) {
        const store = scopedSecretStore(deps.secrets, found.scope);
        await store.set(secretName.key(keyId), value);
        await store.set(secretName.account, value);
      }
      return { ...found, record };
    } catch (error) {
      await early.ahead?.undo();
      throw error;
    }
  }

  /** `keepAhead` for this account, unless Connect would refuse it (a twelfth account): that changes nothing. */
  function keepAheadFor(record: StoredAccount, value: string, name: string | null): KeptAhead | null {
    const { known } = deps.settings.read();
    try {
      withAccount(known, record, name);
    } catch {
      return null;
    }
    const scope = accountIdOf(record);
    return keepAhead({
      secrets: deps.secrets,
      listed: deps.listedAhead?.() ?? Promise.resolve(null),
      scope,
      keyId: record.keyId,
      value,
      knownWithThisKey: known.some((k) => accountIdOf(k) === scope && k.keyId === record.keyId),
      logger: deps.logger,
    });
  }

  async function connectDemo(name: string | null): Promise<Connected> {
    const simulator = demoSimulator();
    const parsed = parseKeyValue(simulator.ownerKey);
    if (!parsed) throw new AppError('internal', 'The demo account could not start.');
    const probe = demoSession(parsed.id, { isOwner: false, ...UNKNOWN_CAPABILITIES });
    const capabilities = await learn(probe.client);
    session = { ...probe, capabilities };
    persist(
      {
        mode: 'demo',
        keyId: parsed.id,
        scope: DEMO_SCOPE,
        isOwner: capabilities.isOwner,
        connectedAt: deps.clock.now().toISOString(),
      },
      name,
    );
    return { status: status(), listed: null };
  }

  /**
   * Makes a known account the active one: the demo's simulator, or a real account's key from the keychain
   * (`<scope>/account`; an account saved before several accounts moves its key there from `account` first).
   * An account saved before accounts were told apart learns its scope now, if Telnyx can be reached. False
   * when its key is gone from the keychain: nothing changes then.
   */
  async function activate(stored: StoredAccount): Promise<boolean> {
    const capabilities = { isOwner: stored.isOwner, ...UNKNOWN_CAPABILITIES };
    if (stored.mode === 'demo') {
      session = demoSession(stored.keyId, capabilities);
      persist(stored);
      return true;
    }
    let scope = stored.scope;
    const isItsKey = (candidate: string | null): candidate is string =>
      candidate !== null && parseKeyValue(candidate)?.id === stored.keyId;
    let value = scope === null ? null : await connectingKey(scope).get(secretName.account);
    // Not moved yet (saved before several accounts): the single `account` entry, if it holds this key.
    const moved = isItsKey(value);
    if (!moved) value = await deps.secrets.get(secretName.account);
    if (!isItsKey(value)) {
      deps.logger.warn('a known account has no key in the keychain', { keyId: stored.keyId });
      return false;
    }
    deps.redactor.remember(value);
    if (scope === null) {
      const probe = client(deps.fetch, resolveBaseUrl(deps.env, deps.packaged), value);
      scope = (await identify(probe, stored.keyId, stored.isOwner)).scope;
      renameScope(stored, scope);
    }
    // Moved once; every start after reads only the account's own entry (one keychain round trip).
    if (!moved) {
      await moveConnectingKey({
        secrets: deps.secrets,
        scoped: connectingKey(scope),
        value,
        logger: deps.logger,
      });
    }
    session = telnyxSession(stored.keyId, value, scope, capabilities);
    persist({ ...stored, scope });
    await claimLegacy(session);
    return true;
  }

  /** An account saved before scopes learns its scope: its known record moves to it (name kept). */
  function renameScope(stored: StoredAccount, scope: string) {
    const file = deps.settings.read();
    const oldId = accountIdOf(stored);
    const known = file.known.map((k) => (accountIdOf(k) === oldId ? { ...k, scope } : k));
    deps.settings.write({ ...file, known });
  }

  /** At start: the active account (see `activate`). A missing key leaves it out plainly. */
  async function restore(): Promise<AccountStatus> {
    const stored = deps.settings.read().account;
    if (!stored) return status();
    if (!(await activate(stored))) {
      deps.logger.warn('stored account has no key in the keychain; disconnected', { keyId: stored.keyId });
      forgetKnown(accountIdOf(stored));
      await activateNext();
    }
    return status();
  }

  function knownById(id: string): KnownAccount {
    const found = deps.settings.read().known.find((k) => accountIdOf(k) === id);
    if (!found) throw new AppError('not-found', 'That account is no longer in Keytray.');
    return found;
  }

  function forgetKnown(id: string) {
    const file = deps.settings.read();
    deps.settings.write({ ...file, known: file.known.filter((k) => accountIdOf(k) !== id) });
  }

  /** Another known account becomes the active one; its key gone from the keychain changes nothing. */
  async function switchTo(id: string): Promise<AccountStatus> {
    if (session?.scope === id) return status();
    const target = knownById(id);
    if (!(await activate(storedOf(target)))) {
      throw new AppError(
        'not-found',
        `The key of “${target.name}” is no longer in the system keychain. Remove the account and add it again.`,
      );
    }
    return status();
  }

  /** After the active account went: the first other known account whose key is there, or none. */
  async function activateNext(): Promise<void> {
    session = null;
    for (const next of deps.settings.read().known) {
      if (await activate(storedOf(next)).catch(() => false)) return;
    }
    persist(null);
  }

  /**
   * Forgets which account is connected, and takes it off the list of accounts. Its saved key secrets, V1
   * tokens, pins and reminder log stay, filed under the account: they were shown once and cannot be fetched
   * again, and connecting the same account again brings them back. The next account (if any) becomes active.
   */
  async function disconnect(): Promise<AccountStatus> {
    if (session?.mode === 'telnyx') {
      // An unreachable keychain must not trap the person in an account: the entry stays where secrets
      // belong, and nothing restores it without the settings' known record, which goes below.
      await connectingKey(session.scope)
        .delete(secretName.account)
        .catch((error: unknown) => {
          deps.logger.warn('could not remove the connected key from the keychain at disconnect', { error });
        });
    }
    if (session) forgetKnown(session.scope);
    if (session?.mode === 'demo') demo = null;
    await activateNext();
    return status();
  }

  /**
   * Removes an account with everything Keytray keeps of it: its keychain entries (its connecting key, saved
   * full keys, V1 tokens), its pins, names, reminder log and planned disables. The caller (the core) drops
   * its cached key list and its full keys held in memory. If it was the active one, the next becomes active.
   * A keychain entry that cannot be removed stops the removal, with the account still listed.
   */
  async function remove(id: string): Promise<AccountStatus> {
    const target = knownById(id);
    const scope = accountIdOf(target);
    if (target.mode === 'telnyx') {
      const store = scopedSecretStore(deps.secrets, scope);
      for (const name of await store.names()) await store.delete(name);
    }
    const file = deps.settings.read();
    const { [scope]: _dropped, ...accounts } = file.accounts;
    void _dropped;
    deps.settings.write({ ...file, accounts, known: file.known.filter((k) => accountIdOf(k) !== scope) });
    if (target.mode === 'demo') demo = null;
    if (session?.scope === scope) await activateNext();
    deps.logger.info('account removed', { scope });
    return status();
  }

  function rename(id: string, name: string) {
    knownById(id);
    const file = deps.settings.read();
    checkNameFree(file.known, id, name);
    deps.settings.write({
      ...file,
      known: file.known.map((k) => (accountIdOf(k) === id ? { ...k, name } : k)),
    });
  }

  return {
    status,

    /**
     * Validates a pasted key with Telnyx, finds out whose account it is, then keeps it in the keychain. A
     * refused key, or any failure before the keychain write, changes nothing: the account connected before
     * (if any) stays connected.
     */
    connect: (
      apiKey: string,
      name: string | null = null,
      onRecord?: (record: KeyRecord) => void,
    ): Promise<Connected> => oneAtATime(() => connect(apiKey, name, onRecord)),
    connectDemo: (name: string | null = null): Promise<Connected> => oneAtATime(() => connectDemo(name)),
    /** At start: the account from settings, its key from the keychain (see `restore`). */
    restore: (): Promise<AccountStatus> => oneAtATime(restore),
    /** Forgets which account is connected; what is filed under it stays (see `disconnect`). */
    disconnect: (): Promise<AccountStatus> => oneAtATime(disconnect),
    /** Another known account becomes the active one (see `switchTo`). */
    switchTo: (id: string): Promise<AccountStatus> => oneAtATime(() => switchTo(id)),
    /** Removes an account and everything kept of it (see `remove`). */
    remove: (id: string): Promise<AccountStatus> => oneAtATime(() => remove(id)),
    rename: (id: string, name: string): Promise<void> => oneAtATime(async () => rename(id, name)),
    /** Every known account, the active one marked; `unsaved`: its full keys held only in memory. */
    list: (unsaved: (scope: string) => readonly string[]) => {
      const file = deps.settings.read();
      return summaries(file.known, file.account, unsaved);
    },

    session(): Session {
      if (!session) throw new AppError('not-connected', 'Connect a Telnyx account first.');
      return session;
    },

    /** The connected account's scope; null when none is connected. */
    scope: (): string | null => session?.scope ?? null,

    /**
     * Asks Telnyx whether a pasted secret works (`GET /v2/balance` with it): accepted (200, 403, 422),
     * refused (401: wrong — or, for a disabled or expired key, unknowable), or unreachable.
     */
    async checkSecret(value: string): Promise<SecretCheck> {
      try {
        await this.session().clientFor(value).checkKey();
        return 'accepted';
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthorized') return 'refused';
        deps.logger.warn('could not check a pasted key with Telnyx', { error });
        return 'unreachable';
      }
    },

    /**
     * Records what an undocumented route turned out to do, for this session only: Telnyx may add the route
     * later, so a restart tries again.
     */
    setCapability(name: CapabilityName, value: 'available' | 'unavailable') {
      if (session) session.capabilities = { ...session.capabilities, [name]: value };
    },

    /**
     * The key list of a real account that is not the active one, read with its own connecting key (for its
     * reminders, the tray and the calendar): the organization's list for an owner, else its own keys. Null
     * when its key is no longer in the keychain.
     */
    async listKeysOf(id: string): Promise<KeyRecord[] | null> {
      const known = deps.settings.read().known.find((k) => accountIdOf(k) === id && k.mode === 'telnyx');
      if (!known) return null;
      const value = await connectingKey(id).get(secretName.account);
      if (!value || parseKeyValue(value)?.id !== known.keyId) return null;
      deps.redactor.remember(value);
      const other = client(deps.fetch, resolveBaseUrl(deps.env, deps.packaged), value, id);
      return known.isOwner ? other.listOrganizationKeys() : other.listOwnKeys();
    },

    /** The demo's simulator, for the preview's tests; null for a real account. */
    demoSimulator: () => demo,
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
