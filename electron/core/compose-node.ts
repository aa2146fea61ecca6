import { createCore, type CorePorts } from './create-core.js';
import { createLogger, stderrSink, type LogLine } from './logging/logger.js';
import { Redactor } from './logging/redact.js';
import { createSystemClock } from './clock/system-clock.js';
import { createKeychainStore, DEFAULT_KEYCHAIN_SERVICE } from './secrets/keychain-store.js';
import { KEY_CACHE_WRITE_DELAY_MS } from './settings/account-scoped-state.js';
import { createFileDocumentStore, type OpenStoreFile } from './settings/json-store.js';
import {
  DEFAULT_SETTINGS,
  EMPTY_KEY_CACHE,
  KEY_CACHE_MIGRATIONS,
  KEY_CACHE_VERSION,
  KeyCache,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  SettingsFile,
} from './settings/stored-state.js';
import type { Clock, Desktop, Logger } from './ports.js';
import type { PreferenceEffects } from './settings/preferences.js';

/**
 * The real adapters under plain Node, shared by both shells: the keychain (service name from
 * `KEYTRAY_KEYCHAIN_SERVICE`), the settings and key-cache files in the user-data folder, a redacting logger,
 * the system clock and the global `fetch`.
 */
export function composeNodeCore(options: {
  userDataDir: string;
  env: NodeJS.ProcessEnv;
  /** The shell's desktop adapter, given the redacting logger so it can log through it. */
  desktop: (Desktop & PreferenceEffects) | ((logger: Logger) => Desktop & PreferenceEffects);
  clock?: Clock;
  logSink?: (line: LogLine) => void;
  /** `app.isPackaged` in Electron: a packaged build talks to api.telnyx.com only. The preview never is. */
  packaged?: boolean;
  /** Keytray's version (`app.getVersion()`, or package.json's in the preview): named in reports. */
  appVersion?: string;
  /**
   * Opens the settings and key-cache files: conf by default; the Electron shell passes electron-store (which
   * imports `electron`, so the core cannot). Migrations and salvage stay here either way.
   */
  openStoreFile?: OpenStoreFile;
}) {
  const redactor = new Redactor();
  const logger = createLogger({ redactor, sink: options.logSink ?? stderrSink });
  const settings = createFileDocumentStore({
    folder: options.userDataDir,
    name: 'settings',
    schema: SettingsFile,
    defaults: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
    logger,
    redactor,
    ...(options.openStoreFile ? { openFile: options.openStoreFile } : {}),
  });
  const ports: CorePorts = {
    fetch: (input, init) => fetch(input, init),
    clock: options.clock ?? createSystemClock(),
    secrets: createKeychainStore(options.env['KEYTRAY_KEYCHAIN_SERVICE'] || DEFAULT_KEYCHAIN_SERVICE),
    state: settings,
    // Only a cache: its problems are logged, not shown (the next sync refills it).
    keyCache: createFileDocumentStore({
      folder: options.userDataDir,
      name: 'key-cache',
      label: 'key list',
      schema: KeyCache,
      defaults: EMPTY_KEY_CACHE,
      version: KEY_CACHE_VERSION,
      migrations: KEY_CACHE_MIGRATIONS,
      logger,
      // Telnyx's tags may read like a full key (`KEYVAULT_production`): only secrets Keytray has seen count.
      redactor: { containsSecret: (text) => redactor.containsRememberedSecret(text) },
      ...(options.openStoreFile ? { openFile: options.openStoreFile } : {}),
    }),
    settingsProblems: () => settings.problems(),
    desktop: typeof options.desktop === 'function' ? options.desktop(logger) : options.desktop,
    logger,
    redactor,
    env: options.env,
    packaged: options.packaged ?? false,
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    afterAnswer: (task) => void setTimeout(() => void task(), AFTER_ANSWER_MS).unref(),
    keyCacheWriteDelayMs: KEY_CACHE_WRITE_DELAY_MS,
  };
  warmUpFetch();
  return { core: createCore(ports), logger, redactor };
}

/**
 * How long work a person is not waiting for (reminders after a sync, the tray) waits after an answer: long
 * enough for the popup to fetch and draw what the answer announced (it asks for the list right after
 * `account.changed`), short enough that nobody sees the tray or a reminder lag.
 */
const AFTER_ANSWER_MS = 100;

/**
 * Node loads fetch (undici) on first use: the first request to Telnyx paid 30–120 ms for it, inside the
 * Connect a person waits on. A `data:` URL loads it without touching the network; after start, not in it.
 */
function warmUpFetch() {
  setTimeout(() => {
    fetch('data:,')
      .then((response) => response.arrayBuffer())
      .catch(() => undefined);
  }, 0).unref();
}
