import { LINKS } from '../common/contract.js';
import type { KeyView } from '../common/models.js';
import { AppError } from './errors.js';
import { createAccountService } from './accounts/account-service.js';
import { createSecureClipboard } from './clipboard/secure-clipboard.js';
import { createEvents } from './events.js';
import { createHandlerTable, type HandlerTable } from './ipc/handler-table.js';
import { createKeyService } from './keys/key-service.js';
import { createPins } from './keys/pins.js';
import type { Redactor } from './logging/redact.js';
import type { Clock, Desktop, Fetch, Logger } from './ports.js';
import { createCompatibilityService } from './telnyx/compatibility/compatibility-service.js';
import type { KeyRecord } from './telnyx/unverified.js';
import { createDisableSchedule } from './keys/disable-schedule.js';
import { expiryCalendar } from './reminders/calendar-export.js';
import { createReminderService } from './reminders/reminder-service.js';
import { createUpcoming } from './reminders/upcoming.js';
import type { SecretStore } from './secrets/secret-store.js';
import type { DocumentStore, StoreProblem } from './settings/json-store.js';
import { createPreferences, type PreferenceEffects } from './settings/preferences.js';
import { accountScopedKeyCache, accountScopedState } from './settings/account-scoped-state.js';
import type { KeyCache, SettingsFile } from './settings/stored-state.js';
import { createTokenVault } from './tokens/token-vault.js';
import { buildTrayModel, type TrayMenuItem } from './tray-model/tray-model.js';

export type CorePorts = {
  fetch: Fetch;
  clock: Clock;
  /** The OS keychain (a memory store in unit tests). */
  secrets: SecretStore;
  /** `settings.json`: every account's data; the services see only the connected account's. */
  state: DocumentStore<SettingsFile>;
  /** `key-cache.json`: one account's key list. */
  keyCache: DocumentStore<KeyCache>;
  /** A packaged build: the API is api.telnyx.com, whatever `TELNYX_BASE_URL` says. */
  packaged?: boolean;
  /** What went wrong reading `settings.json` (moved aside, repaired): told to the person at start. */
  settingsProblems?: () => StoreProblem[];
  desktop: Desktop & PreferenceEffects;
  logger: Logger;
  redactor: Redactor;
  env: NodeJS.ProcessEnv;
  /** Tests record retry waits here instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout of Telnyx calls (default 20 s). */
  timeoutMs?: number;
  /** Keytray's version, for the compatibility report's header (`app.getVersion()`, package.json). */
  appVersion?: string;
};

/**
 * The composition root of the core: every service built from injected ports, and the IPC handler table
 * both shells register. Nothing here imports `electron`.
 */
export function createCore(ports: CorePorts) {
  const { logger } = ports;
  const events = createEvents();
  const accounts = createAccountService({
    ...ports,
    settings: ports.state,
    packaged: ports.packaged ?? false,
  });
  // Every service below sees only the connected account's part of the settings and the key cache.
  const state = accountScopedState(ports.state, accounts.scope);
  const keyCache = accountScopedKeyCache(ports.keyCache, accounts.scope);
  const scoped = { ...ports, state, keyCache };
  const pins = createPins(state);
  const preferences = createPreferences(state, ports.desktop);
  const clipboard = createSecureClipboard({
    desktop: ports.desktop,
    clock: ports.clock,
    clearAfterSeconds: () => preferences.get().clipboardClearSeconds,
    onCleared: () => events.emit('clipboard.cleared', {}),
  });
  const schedule = createDisableSchedule(state);
  const keys = createKeyService({ ...scoped, accounts, pins, schedule, clipboard, events });
  const tokens = createTokenVault({
    ...scoped,
    secrets: () => accounts.session().keySecrets,
    pins,
    clipboard,
    events,
  });
  const upcoming = createUpcoming({ state, keyCache, clock: ports.clock });
  const compatibility = createCompatibilityService({
    ...ports,
    accounts,
    state,
    packaged: ports.packaged ?? false,
    appVersion: ports.appVersion ?? null,
  });
  const reminders = createReminderService({
    ...scoped,
    schedule,
    disable: async (keyId) => void (await keys.setEnabled(keyId, false)),
    connected: () => accounts.scope() !== null,
  });
  /** A sync brings new expiry dates: check reminders against them. */
  const syncThenCheck = async () => {
    const list = await keys.sync();
    await reminders.check();
    return list;
  };

  /** Every key still in use with an expiry date ahead: the calendar export. */
  function upcomingKeysForCalendar() {
    const now = ports.clock.now().getTime();
    return keyCache
      .read()
      .keys.filter(
        (k): k is typeof k & { expiresAt: string } => k.status === 'active' && k.expiresAt !== null,
      )
      .filter((k) => Date.parse(k.expiresAt) > now);
  }

  function unsavedSecrets() {
    const scope = accounts.scope();
    const all = keys.unsaved();
    return {
      keyIds: all.find((entry) => entry.scope === scope)?.ids ?? [],
      elsewhere: all.filter((entry) => entry.scope !== scope).reduce((n, entry) => n + entry.ids.length, 0),
    };
  }

  async function refreshTray() {
    const status = accounts.status();
    let keyViews: KeyView[] = [];
    if (status.connected) keyViews = (await keys.list().catch(() => ({ keys: [] }))).keys;
    ports.desktop.setTray(
      buildTrayModel({
        keys: keyViews,
        tokens: tokens.list(),
        pins: pins.list(),
        now: ports.clock.now(),
        connected: status.connected,
      }),
    );
  }
  events.on('keys.changed', () => void refreshTray());

  /** Nothing of the previous account stays on screen: its filters, messages and notifications go. */
  function accountChanged(scopeBefore: string | null) {
    if (accounts.scope() === scopeBefore) return;
    events.emit('account.changed', {});
    ports.desktop.withdrawNotifications();
    void refreshTray();
  }

  /** What connecting listed is the first sync; otherwise sync now. A failed sync leaves the list offline. */
  async function firstList(listed: KeyRecord[] | null) {
    if (listed === null) return void (await syncThenCheck());
    await keys.accept(listed);
    events.emit('keys.changed', {});
    await reminders.check();
  }
  const handlers: HandlerTable = createHandlerTable(
    {
      'account.connect': async ({ apiKey }) => {
        const before = accounts.scope();
        const { status, listed } = await accounts.connect(apiKey);
        keys.reset();
        accountChanged(before);
        // The first list arrives with the connection, so the popup never shows a half-empty list. A failed
        // sync does not undo a good connection: the list then says it is offline.
        await firstList(listed).catch(() => undefined);
        return status;
      },
      'account.connectDemo': async () => {
        const before = accounts.scope();
        const { status } = await accounts.connectDemo();
        keys.reset();
        accountChanged(before);
        await syncThenCheck();
        return status;
      },
      'account.status': () => accounts.status(),
      'account.disconnect': async () => {
        const before = accounts.scope();
        const status = await accounts.disconnect();
        keys.reset();
        accountChanged(before);
        return status;
      },
      'keys.list': () => keys.list(),
      'keys.sync': () => syncThenCheck(),
      'keys.create': (input) => keys.create(input),
      'keys.setEnabled': ({ id, enabled }) => keys.setEnabled(id, enabled),
      'keys.setTags': ({ id, tags }) => keys.setTags(id, tags),
      'keys.delete': async ({ id }) => (await keys.delete(id), {}),
      'keys.copy': ({ id, format }) => keys.copy(id, format),
      'keys.saveSecret': ({ id, value, confirmUnchecked }) =>
        keys.saveSecret(id, value, confirmUnchecked ?? false),
      'keys.changeSecret': ({ id, value, confirmUnchecked }) =>
        keys.changeSecret(id, value, confirmUnchecked ?? false),
      'keys.forgetSecret': ({ id }) => keys.forgetSecret(id),
      'keys.unsaved': () => unsavedSecrets(),
      'keys.reveal': ({ id }) => keys.reveal(id),
      'keys.pin': ({ id, pinned, label }) => keys.pin(id, pinned, label),
      'keys.replace': ({ id }) => keys.replace(id),
      'keys.scheduleDisable': ({ id, replacedBy, when }) => keys.scheduleDisable(id, replacedBy, when),
      'keys.planDisable': ({ id, at }) => keys.planDisable(id, at),
      'tokens.list': () => tokens.list(),
      'tokens.add': (input) => tokens.add(input),
      'tokens.rename': ({ id, name }) => tokens.rename(id, name),
      'tokens.remove': async ({ id }) => (await tokens.remove(id), {}),
      'tokens.copy': ({ id, format }) => tokens.copy(id, format),
      'tokens.pin': ({ id, pinned, label }) => tokens.pin(id, pinned, label),
      'settings.get': () => preferences.get(),
      'settings.set': (patch) => preferences.set(stripUndefined(patch)),
      'reminders.upcoming': () => upcoming.upcoming(),
      'reminders.snooze': ({ keyId, until }) => upcoming.snooze(keyId, until),
      'reminders.exportCalendar': async () => {
        const keysToExport = upcomingKeysForCalendar();
        const lead = Math.max(0, ...preferences.get().reminderLeadDays.filter((d) => d <= 7));
        const calendar = expiryCalendar(keysToExport, ports.clock.now(), lead);
        const savedTo = await ports.desktop.saveTextFile('telnyx-key-expiry.ics', calendar);
        return { savedTo, events: keysToExport.length };
      },
      'telnyx.checkCompatibility': () => compatibility.check(),
      'telnyx.copyCompatibilityReport': async () => {
        const text = compatibility.lastReportText();
        if (text === null)
          throw new AppError('not-found', 'Run the check first: there is no report to copy yet.');
        await ports.desktop.writeClipboard(text, { secret: false });
        return {};
      },
      'app.openLink': ({ target }) => (ports.desktop.openExternal(LINKS[target]), {}),
      'popup.hide': () => (ports.desktop.hidePopup(), {}),
      'app.quit': () => (ports.desktop.quit(), {}),
    },
    logger,
  );

  return {
    handlers,
    events,
    /** At start: say what happened to an unreadable settings file, restore the account, apply the shortcut, draw the tray. */
    async start() {
      for (const problem of ports.settingsProblems?.() ?? []) {
        ports.desktop.notify({
          title: 'Keytray’s settings needed attention',
          body: problem.message,
          keyIds: [],
        });
      }
      const status = await accounts.restore().catch((error: unknown) => {
        logger.warn('could not restore the account', { error });
        return accounts.status();
      });
      const { globalShortcut } = preferences.get();
      if (globalShortcut && !ports.desktop.registerShortcut(globalShortcut)) {
        logger.warn('global shortcut is held by another app', { globalShortcut });
      }
      await refreshTray();
      if (status.connected) void syncThenCheck().catch(() => undefined);
      await reminders.start();
      return status;
    },
    /** What a tray menu item does; the shells route their menu clicks here. */
    async trayAction(item: TrayMenuItem) {
      switch (item.kind) {
        case 'copy':
          if (item.target.kind === 'key') await keys.copy(item.target.id, 'raw');
          else await tokens.copy(item.target.id, 'token');
          return;
        case 'sync':
          await keys.sync();
          return;
        case 'open':
          ports.desktop.showPopup();
          return;
        default:
          return;
      }
    },
    /** The clock jumped (resume from sleep, or the preview's test route): re-check what depends on time. */
    async clockMoved() {
      await reminders.check();
      // Expiry words ("in 7 days") and the tray count depend on the time: redraw both.
      events.emit('keys.changed', {});
    },
    /**
     * The tray's Quit (and, later, restarting to update): quits at once, unless full keys exist only in memory;
     * then the popup opens on "Quit Keytray?", which lists them with Copy, and quits only on the person's word.
     */
    requestQuit(): 'quit' | 'confirm' {
      const unsaved = unsavedSecrets();
      if (unsaved.keyIds.length === 0 && unsaved.elsewhere === 0) {
        ports.desktop.quit();
        return 'quit';
      }
      ports.desktop.showPopup();
      events.emit('popup.shown', { view: 'quit' });
      return 'confirm';
    },
    /** At quit: clear a clipboard that still holds what Keytray wrote. */
    async dispose() {
      reminders.stop();
      await clipboard.clearNow();
    },
    /** For the preview's test routes and the demo. */
    demoSimulator: () => accounts.demoSimulator(),
  };
}

export type Core = ReturnType<typeof createCore>;

/** `exactOptionalPropertyTypes`: a patch from zod's `.partial()` may carry explicit undefineds. */
function stripUndefined<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as never;
}
