import { createCore, type CorePorts } from './create-core.js';
import { createLogger, stderrSink, type LogLine } from './logging/logger.js';
import { Redactor } from './logging/redact.js';
import { createSystemClock } from './clock/system-clock.js';
import { createKeychainStore, DEFAULT_KEYCHAIN_SERVICE } from './secrets/keychain-store.js';
import { createFileDocumentStore } from './settings/json-store.js';
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
      redactor,
    }),
    settingsProblems: () => settings.problems(),
    desktop: typeof options.desktop === 'function' ? options.desktop(logger) : options.desktop,
    logger,
    redactor,
    env: options.env,
    packaged: options.packaged ?? false,
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
  };
  return { core: createCore(ports), logger, redactor };
}
