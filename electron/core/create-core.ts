import { LINKS } from '../common/contract.js';
import type { KeyView } from '../common/models.js';
import { createAccountService } from './accounts/account-service.js';
import { createSecureClipboard } from './clipboard/secure-clipboard.js';
import { createEvents } from './events.js';
import { createHandlerTable, type HandlerTable } from './ipc/handler-table.js';
import { createKeyService } from './keys/key-service.js';
import { createPins } from './keys/pins.js';
import type { Redactor } from './logging/redact.js';
import type { Clock, Desktop, Fetch, Logger } from './ports.js';
import { createDisableSchedule } from './keys/disable-schedule.js';
import { expiryCalendar } from './reminders/calendar-export.js';
import { createReminderService } from './reminders/reminder-service.js';
import { createUpcoming } from './reminders/upcoming.js';
import type { SecretStore } from './secrets/secret-store.js';
import type { DocumentStore } from './settings/json-store.js';
import { createPreferences, type PreferenceEffects } from './settings/preferences.js';
import type { KeyCache, StoredState } from './settings/stored-state.js';
import { createTokenVault } from './tokens/token-vault.js';
import { buildTrayModel, type TrayMenuItem } from './tray-model/tray-model.js';

export type CorePorts = {
  fetch: Fetch;
  clock: Clock;
  /** The OS keychain (a memory store in unit tests). */
  secrets: SecretStore;
  state: DocumentStore<StoredState>;
  keyCache: DocumentStore<KeyCache>;
  desktop: Desktop & PreferenceEffects;
  logger: Logger;
  redactor: Redactor;
  env: NodeJS.ProcessEnv;
  /** Tests record retry waits here instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-request timeout of Telnyx calls (default 20 s). */
  timeoutMs?: number;
};

/**
 * The composition root of the core: every service built from injected ports, and the IPC handler table
 * both shells register. Nothing here imports `electron`.
 */
export function createCore(ports: CorePorts) {
  const { logger } = ports;
  const events = createEvents();
  const pins = createPins(ports.state);
  const preferences = createPreferences(ports.state, ports.desktop);
  const clipboard = createSecureClipboard({
    desktop: ports.desktop,
    clock: ports.clock,
    clearAfterSeconds: () => preferences.get().clipboardClearSeconds,
    onCleared: () => events.emit('clipboard.cleared', {}),
  });
  const accounts = createAccountService(ports);
  const schedule = createDisableSchedule(ports.state);
  const keys = createKeyService({ ...ports, accounts, pins, schedule, clipboard, events });
  const tokens = createTokenVault({ ...ports, pins, clipboard, events });
  const upcoming = createUpcoming({ state: ports.state, keyCache: ports.keyCache, clock: ports.clock });
  const reminders = createReminderService({
    ...ports,
    schedule,
    disable: async (keyId) => void (await keys.setEnabled(keyId, false)),
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
    return ports.keyCache
      .read()
      .keys.filter(
        (k): k is typeof k & { expiresAt: string } => k.status === 'active' && k.expiresAt !== null,
      )
      .filter((k) => Date.parse(k.expiresAt) > now);
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

  const handlers: HandlerTable = createHandlerTable(
    {
      'account.connect': async ({ apiKey }) => {
        keys.reset();
        const status = await accounts.connect(apiKey);
        // The first list arrives with the connection, so the popup never shows a half-empty list. A failed
        // sync does not undo a good connection: the list then says it is offline.
        await syncThenCheck().catch(() => undefined);
        return status;
      },
      'account.connectDemo': async () => {
        keys.reset();
        const status = await accounts.connectDemo();
        await syncThenCheck();
        return status;
      },
      'account.status': () => accounts.status(),
      'account.disconnect': async () => {
        keys.reset();
        const status = await accounts.disconnect();
        void refreshTray();
        return status;
      },
      'keys.list': () => keys.list(),
      'keys.sync': () => syncThenCheck(),
      'keys.create': (input) => keys.create(input),
      'keys.setEnabled': ({ id, enabled }) => keys.setEnabled(id, enabled),
      'keys.setTags': ({ id, tags }) => keys.setTags(id, tags),
      'keys.delete': async ({ id }) => (await keys.delete(id), {}),
      'keys.copy': ({ id, format }) => keys.copy(id, format),
      'keys.addSecret': ({ id, value }) => keys.addSecret(id, value),
      'keys.reveal': ({ id }) => keys.reveal(id),
      'keys.pin': ({ id, pinned, label }) => keys.pin(id, pinned, label),
      'keys.replace': ({ id }) => keys.replace(id),
      'keys.scheduleDisable': ({ id, replacedBy, when }) => keys.scheduleDisable(id, replacedBy, when),
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
      'app.openLink': ({ target }) => (ports.desktop.openExternal(LINKS[target]), {}),
      'popup.hide': () => (ports.desktop.hidePopup(), {}),
    },
    logger,
  );

  return {
    handlers,
    events,
    /** At start: restore the account, apply the shortcut, draw the tray. */
    async start() {
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
