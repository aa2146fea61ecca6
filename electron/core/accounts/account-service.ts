import { parseKeyValue } from '../../common/key-id.js';
import type { AccountStatus, Capabilities } from '../../common/models.js';
import { AppError, PORTAL_URL } from '../errors.js';
import type { Clock, Fetch, Logger } from '../ports.js';
import type { Redactor } from '../logging/redact.js';
import { createMemorySecretStore } from '../secrets/memory-store.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KeyCache, StoredAccount, StoredState } from '../settings/stored-state.js';
import { EMPTY_KEY_CACHE } from '../settings/stored-state.js';
import { createTelnyxClient, resolveBaseUrl, type TelnyxClient } from '../telnyx/client.js';
import { createSimulator } from '../telnyx/simulator/simulator.js';
import type { CapabilityName, Session } from './session.js';

export type AccountDeps = {
  fetch: Fetch;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  secrets: SecretStore;
  state: DocumentStore<StoredState>;
  keyCache: DocumentStore<KeyCache>;
  env: NodeJS.ProcessEnv;
  /** Test hook: how the client sleeps between retries. */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
};

const UNKNOWN_CAPABILITIES = { editTags: 'unknown', listOwn: 'unknown', deleteOwn: 'unknown' } as const;
const DEMO_KEY_COUNT = 60;

/**
 * Connecting, the demo account, restoring the account at start and disconnecting. The connected key lives in
 * the keychain under `account`; settings keep only its id, the mode and what the API turned out to allow.
 */
export function createAccountService(deps: AccountDeps) {
  let session: Session | null = null;
  let demo: ReturnType<typeof createSimulator> | null = null;

  const client = (fetch: Fetch, baseUrl: string, apiKey: string): TelnyxClient =>
    createTelnyxClient({
      fetch,
      baseUrl,
      apiKey,
      logger: deps.logger,
      now: () => deps.clock.now(),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
    });

  /** The demo organization is simulated in-process and seeded the same on every start. */
  const demoSimulator = () =>
    (demo ??= createSimulator({ keyCount: DEMO_KEY_COUNT, seed: 7, now: () => deps.clock.now() }));

  async function learn(apiClient: TelnyxClient): Promise<Capabilities> {
    await apiClient.checkKey();
    return { isOwner: await apiClient.isOwner(), ...UNKNOWN_CAPABILITIES };
  }

  function persist(account: StoredAccount) {
    const state = deps.state.read();
    deps.state.write({ ...state, account });
  }

  function status(): AccountStatus {
    if (!session) return { connected: false };
    return {
      connected: true,
      mode: session.mode,
      keyId: session.keyId,
      capabilities: session.capabilities,
      portalUrl: PORTAL_URL,
    };
  }

  return {
    status,

    /** Validates a pasted key with Telnyx, then keeps it in the keychain. A refused key changes nothing. */
    async connect(apiKey: string): Promise<AccountStatus> {
      const value = apiKey.trim();
      const parsed = parseKeyValue(value);
      if (!parsed) {
        throw new AppError(
          'invalid-input',
          'That does not look like a Telnyx API key. A key starts with KEY and has an underscore in it; copy it again from the portal.',
        );
      }
      deps.redactor.remember(value);
      const baseUrl = resolveBaseUrl(deps.env);
      const apiClient = client(deps.fetch, baseUrl, value);
      const capabilities = await learn(apiClient);
      await deps.secrets.set(secretName.account, value);
      // The account key is a key like any other: Keytray holds its secret, so it can be copied.
      await deps.secrets.set(secretName.key(parsed.id), value);
      session = {
        mode: 'telnyx',
        keyId: parsed.id,
        client: apiClient,
        keySecrets: deps.secrets,
        capabilities,
      };
      persist({
        mode: 'telnyx',
        keyId: parsed.id,
        baseUrl: deps.env['TELNYX_BASE_URL'] ? baseUrl : null,
        isOwner: capabilities.isOwner,
        connectedAt: deps.clock.now().toISOString(),
      });
      deps.keyCache.write(EMPTY_KEY_CACHE);
      deps.logger.info('connected', { keyId: parsed.id, owner: capabilities.isOwner });
      return status();
    },

    async connectDemo(): Promise<AccountStatus> {
      const simulator = demoSimulator();
      const value = simulator.ownerKey;
      const parsed = parseKeyValue(value);
      if (!parsed) throw new AppError('internal', 'The demo account could not start.');
      const apiClient = client(simulator.fetch, 'https://demo.keytray.invalid/v2', value);
      const capabilities = await learn(apiClient);
      const keySecrets = createMemorySecretStore({ [secretName.key(parsed.id)]: value });
      session = { mode: 'demo', keyId: parsed.id, client: apiClient, keySecrets, capabilities };
      persist({
        mode: 'demo',
        keyId: parsed.id,
        baseUrl: null,
        isOwner: capabilities.isOwner,
        connectedAt: deps.clock.now().toISOString(),
      });
      deps.keyCache.write(EMPTY_KEY_CACHE);
      return status();
    },

    /** At start: the account from settings, its key from the keychain. A missing key disconnects plainly. */
    async restore(): Promise<AccountStatus> {
      const stored = deps.state.read().account;
      if (!stored) return status();
      if (stored.mode === 'demo') {
        const simulator = demoSimulator();
        session = {
          mode: 'demo',
          keyId: stored.keyId,
          client: client(simulator.fetch, 'https://demo.keytray.invalid/v2', simulator.ownerKey),
          keySecrets: createMemorySecretStore({ [secretName.key(stored.keyId)]: simulator.ownerKey }),
          capabilities: { isOwner: stored.isOwner, ...UNKNOWN_CAPABILITIES },
        };
        return status();
      }
      const value = await deps.secrets.get(secretName.account);
      if (!value || parseKeyValue(value)?.id !== stored.keyId) {
        deps.logger.warn('stored account has no key in the keychain; disconnected', { keyId: stored.keyId });
        deps.state.write({ ...deps.state.read(), account: null });
        return status();
      }
      deps.redactor.remember(value);
      session = {
        mode: 'telnyx',
        keyId: stored.keyId,
        client: client(deps.fetch, resolveBaseUrl(deps.env, stored.baseUrl), value),
        keySecrets: deps.secrets,
        capabilities: { isOwner: stored.isOwner, ...UNKNOWN_CAPABILITIES },
      };
      return status();
    },

    /**
     * Forgets the account and the cached list. Saved key secrets and v1 tokens stay in the keychain: they
     * were shown once and cannot be fetched again, so losing them on a misclick would be worse.
     */
    async disconnect(): Promise<AccountStatus> {
      if (session?.mode === 'telnyx') await deps.secrets.delete(secretName.account);
      session = null;
      demo = null;
      deps.state.write({ ...deps.state.read(), account: null });
      deps.keyCache.write(EMPTY_KEY_CACHE);
      return status();
    },

    session(): Session {
      if (!session) throw new AppError('not-connected', 'Connect a Telnyx account first.');
      return session;
    },

    /**
     * Records what an undocumented route turned out to do, for this session only: Telnyx may add the route
     * later, so a restart tries again.
     */
    setCapability(name: CapabilityName, value: 'available' | 'unavailable') {
      if (session) session.capabilities = { ...session.capabilities, [name]: value };
    },

    /** The demo's simulator, for the preview's tests; null for a real account. */
    demoSimulator: () => demo,
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
