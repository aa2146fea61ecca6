import { LINKS } from '../common/contract.js';
import { FIRST_SCREEN_KEYS } from '../common/channels.js';
import type { KeyList, Preferences } from '../common/models.js';
import { attentionHorizonDays } from '../common/expiry.js';
import { AppError } from './errors.js';
import { resolveBaseUrl } from './telnyx/base-url.js';
import { createAccountService } from './accounts/account-service.js';
import { confirmCopies } from './clipboard/copy-confirmation.js';
import { createSecureClipboard } from './clipboard/secure-clipboard.js';
import { createEvents } from './events.js';
import { createHandlerTable, type HandlerTable } from './ipc/handler-table.js';
import { createKeyService } from './keys/key-service.js';
import { noteFirstScreen, type FirstScreenNotes } from './keys/first-screen-ahead.js';
import { createKeyScopes } from './keys/key-scopes.js';
import { createKeyNames } from './keys/key-names.js';
import { createPins } from './keys/pins.js';
import type { Redactor } from './logging/redact.js';
import type { Clock, Desktop, DesktopNotification, Fetch, Logger } from './ports.js';
import { createCompatibilityService } from './telnyx/compatibility/compatibility-service.js';
import type { KeyRecord } from './telnyx/unverified.js';
import { createDisableSchedule } from './keys/disable-schedule.js';
import { attentionOf } from './reminders/attention.js';
import { expiryCalendar } from './reminders/calendar-export.js';
import { createReminderService } from './reminders/reminder-service.js';
import { createUpcoming } from './reminders/upcoming.js';
import { withEarlyListing } from './secrets/early-listing.js';
import type { SecretStore } from './secrets/secret-store.js';
import type { DocumentStore, StoreProblem } from './settings/json-store.js';
import { createPreferences, type PreferenceEffects } from './settings/preferences.js';
import { accountScopedKeyCache, accountScopedState } from './settings/account-scoped-state.js';
import type { KeyCache, SettingsFile } from './settings/stored-state.js';
import { createTokenVault } from './tokens/token-vault.js';
import { buildTrayModel, type TrayMenuItem } from './tray-model/tray-model.js';
import { otherAccountPins, secretOfOtherAccount } from './accounts/other-accounts.js';
import { createOtherAccountsWatch } from './accounts/other-accounts-watch.js';

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
  /**
   * Runs work a person is not waiting for (the reminder check after a sync, the tray after a change) once
   * the current answer is out: the shells pass a timer (`compose-node.ts`). Without it that work is done
   * before answering, which is what unit tests look at.
   */
  afterAnswer?: (task: () => Promise<void>) => void;
  /** How long a new key list waits before it is written to disk (default 0: at once; see `accountScopedKeyCache`). */
  keyCacheWriteDelayMs?: number;
};

/**
 * The composition root of the core: every service built from injected ports, and the IPC handler table
 * both shells register. Nothing here imports `electron`.
 */
export function createCore(ports: CorePorts) {
  const { logger } = ports;
  const events = createEvents();
  // Connect lists the keychain's entries while Telnyx answers (see `withEarlyListing`).
  const secrets = withEarlyListing(ports.secrets);
  const accounts = createAccountService({
    ...ports,
    secrets,
    listedAhead: () => secrets.listed(),
    settings: ports.state,
    packaged: ports.packaged ?? false,
  });
  // Every service below sees only the connected account's part of the settings and the key cache.
  const state = accountScopedState(ports.state, accounts.scope);
  const keyCache = accountScopedKeyCache(ports.keyCache, accounts.scope, {
    writeDelayMs: ports.keyCacheWriteDelayMs ?? 0,
    onWriteError: (error) => logger.warn('the key list could not be saved for the next start', { error }),
  });
  /** Work that can wait until the answer is out (see `CorePorts.afterAnswer`); awaited when there is no port. */
  const afterAnswer = async (task: () => Promise<void>) => {
    const guarded = () => task().catch((error: unknown) => logger.warn('follow-up work failed', { error }));
    if (ports.afterAnswer) ports.afterAnswer(guarded);
    else await guarded();
  };
  const scoped = { ...ports, secrets, state, keyCache };
  const pins = createPins(state);
  const preferences = createPreferences(state, ports.desktop);
  const clipboard = createSecureClipboard({
    desktop: ports.desktop,
    clock: ports.clock,
    clearAfterSeconds: () => preferences.get().clipboardClearSeconds,
    onCleared: () => events.emit('clipboard.cleared', {}),
  });
  // Every copy is confirmed where the person is looking (the popup may be gone: "Hide after copy", the tray menu).
  confirmCopies(events, ports.desktop);
  const schedule = createDisableSchedule(state);
  const names = createKeyNames(state);
  /** The one "needs attention" rule over these keys, with the person's lead times and snoozes. */
  const attention = (list: readonly { id: string; status: string; expiresAt: string | null }[]) => {
    const { preferences: chosen, reminders: log } = state.read();
    return attentionOf({
      keys: list,
      now: ports.clock.now(),
      leadDays: chosen.reminderLeadDays,
      snoozedUntil: log.snoozedUntil,
    });
  };
  const keys = createKeyService({
    ...scoped,
    accounts,
    pins,
    names,
    attention,
    schedule,
    clipboard,
    events,
    unusedAfterDays: () => state.read().preferences.unusedAfterDays,
    ...(ports.afterAnswer ? { later: ports.afterAnswer } : {}),
  });
  const keyScopes = createKeyScopes({
    accounts,
    logger: ports.logger,
    knows: (id) => keyCache.read().keys.some((k) => k.id === id),
  });
  const tokens = createTokenVault({
    ...scoped,
    secrets: () => accounts.session().keySecrets,
    scope: accounts.scope,
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
  /** The demo's simulated keys raise no reminders, and no tray count, once a real account exists. */
  const demoIsQuiet = () =>
    accounts.scope() === 'demo' && ports.state.read().known.some((k) => k.mode === 'telnyx');
  /** The accounts that are not active: their reminders, their count in the tray, their calendar dates. */
  const watch = createOtherAccountsWatch({
    settings: ports.state,
    activeScope: accounts.scope,
    listKeysOf: (scope) => accounts.listKeysOf(scope),
    desktop: ports.desktop,
    logger,
    now: () => ports.clock.now(),
  });
  const reminders = createReminderService({
    ...scoped,
    schedule,
    disable: async (keyId) => void (await keys.setEnabled(keyId, false)),
    connected: () => accounts.scope() !== null,
    names: () => names.all(),
    // With several accounts, each reminder names its account.
    accountName: () => {
      const status = accounts.status();
      return status.connected && status.accountCount > 1 ? status.name : null;
    },
    quiet: () => demoIsQuiet(),
    alsoCheck: async (now) => {
      await watch.check(now);
      // Their lists may have changed what the tray counts.
      redrawTray();
    },
  });
  /** A sync brings new expiry dates: check reminders against them, once the list is on its way to the popup. */
  const syncThenCheck = async (since?: number) => {
    const list = await keys.sync(since);
    await afterAnswer(() => reminders.check());
    return list;
  };

  /**
   * Every key still in use with an expiry date ahead: the calendar export. Every real account's, each named
   * with its account when there are several (the demo's only while it is the one open).
   */
  function upcomingKeysForCalendar() {
    const now = ports.clock.now().getTime();
    const status = accounts.status();
    const several = status.connected && status.accountCount > 1;
    const own = keyCache
      .read()
      .keys.filter(
        (k): k is typeof k & { expiresAt: string } => k.status === 'active' && k.expiresAt !== null,
      )
      .filter((k) => Date.parse(k.expiresAt) > now)
      .map((k) => ({ ...k, name: names.of(k.id), ...(several ? { account: status.name } : {}) }));
    const others = several
      ? watch.upcoming().flatMap((group) => group.keys.map((k) => ({ ...k, account: group.account })))
      : [];
    return [...own, ...others];
  }

  /** Another account becomes the active one (the header's switcher, the tray menu). */
  async function switchAccount(id: string) {
    const before = accounts.scope();
    const status = await accounts.switchTo(id);
    keys.reset();
    // The list kept for that account shows at once; Telnyx is asked for the latest after the answer.
    if (accountChanged(before)) void afterAnswer(async () => void (await syncThenCheck()));
    return status;
  }

  /** Every account, the active one marked, each with its full keys held only in memory. */
  function listAccounts() {
    const held = keys.unsaved();
    return accounts.list((scope) => held.find((entry) => entry.scope === scope)?.ids ?? []);
  }

  function unsavedSecrets() {
    const scope = accounts.scope();
    const all = keys.unsaved();
    return {
      keyIds: all.find((entry) => entry.scope === scope)?.ids ?? [],
      elsewhere: all.filter((entry) => entry.scope !== scope).reduce((n, entry) => n + entry.ids.length, 0),
    };
  }

  /** The other accounts' pinned items for the tray menu (one keychain listing, only when one has pins). */
  async function otherPins() {
    const file = ports.state.read();
    const scope = accounts.scope();
    const pinned = file.known.some(
      (k) => k.scope !== scope && (file.accounts[k.scope ?? '']?.pins.length ?? 0) > 0,
    );
    if (!pinned) return [];
    const names = await secrets.names().catch(() => [] as string[]);
    return otherAccountPins(file, scope, new Set(names), watch.keysOf);
  }

  async function refreshTray() {
    const status = accounts.status();
    let list: KeyList | null = null;
    if (status.connected) list = await keys.list().catch(() => null);
    const known = listAccounts();
    ports.desktop.setTray(
      buildTrayModel({
        keys: list?.keys ?? [],
        tokens: tokens.list(),
        pins: pins.list(),
        // The demo's simulated keys do not light the tray once a real account exists (nor remind).
        attention: demoIsQuiet() ? null : (list?.attention ?? null),
        connected: status.connected,
        accounts: known,
        otherAttention: known.length > 1 ? watch.attention() : [],
        otherPins: known.length > 1 ? await otherPins() : [],
      }),
    );
  }
  /** A burst of changes (a sync, then the keys it adopted) redraws the tray once, after the answer. */
  let trayDue = false;
  function redrawTray() {
    if (!ports.afterAnswer) return void refreshTray();
    if (trayDue) return;
    trayDue = true;
    void afterAnswer(async () => {
      trayDue = false;
      await refreshTray();
    });
  }
  events.on('keys.changed', redrawTray);

  /** New lead times move the horizon of "needs attention": the tray and the popup count again. */
  function setPreferences(patch: Partial<Preferences>) {
    const before = preferences.get().reminderLeadDays;
    const after = preferences.set(patch);
    if (after.reminderLeadDays.join() !== before.join()) events.emit('keys.changed', {});
    return after;
  }

  /**
   * Nothing of the previous account stays on screen: its filters, messages and notifications go (the popup
   * loads everything again). False when the account is the same.
   */
  function accountChanged(scopeBefore: string | null): boolean {
    if (accounts.scope() === scopeBefore) return false;
    events.emit('account.changed', {});
    compatibility.forgetReport();
    ports.desktop.withdrawNotifications();
    redrawTray();
    return true;
  }

  /**
   * Connected: what connecting listed is the first sync (kept before the popup hears of the account, so its
   * first list is whole and fetched once); without it, sync now. A failed sync leaves the list offline.
   * Gives the first screen of what was listed, for Connect's answer: the popup would ask for it next.
   */
  async function connected(scopeBefore: string | null, listed: KeyRecord[] | null, notes?: FirstScreenNotes) {
    if (listed !== null) await keys.accept(listed, accounts.session()).catch(() => undefined);
    const horizon = () => attentionHorizonDays(preferences.get().reminderLeadDays);
    const noted =
      notes && ((records: readonly KeyRecord[], now: number) => notes.take(records, now, horizon()));
    const firstScreen =
      listed === null
        ? undefined
        : await keys.list(undefined, FIRST_SCREEN_KEYS, noted).catch(() => undefined);
    // The same account again: the popup keeps what it shows, so it is told the list changed.
    if (!accountChanged(scopeBefore) && listed !== null) events.emit('keys.changed', {});
    if (listed === null) await syncThenCheck().catch(() => undefined);
    else await afterAnswer(() => reminders.check());
    return firstScreen;
  }
  /**
   * A connection to Telnyx opened while the person types a key (`telnyx.preconnect`): Connect's first requests
   * then find it open (TCP and TLS done, and fetch's own code run once). Its answer (401: no key sent) is
   * dropped; at most one every 10 s.
   */
  let preconnected = 0;
  function preconnect() {
    const now = Date.now();
    if (now - preconnected < 10_000) return;
    preconnected = now;
    // A key is being pasted: which keys the keychain holds is asked now, so Connect finds it known.
    secrets.listAhead();
    const url = `${resolveBaseUrl(ports.env, ports.packaged ?? false)}/v2/balance`;
    void ports
      .fetch(url, { method: 'HEAD' })
      .then((response) => response.body?.cancel())
      .catch(() => undefined);
  }
  const handlers: HandlerTable = createHandlerTable(
    {
      'account.connect': async ({ apiKey, name }) => {
        const before = accounts.scope();
        // Which keys the keychain holds, unless asked already as the key was pasted (`telnyx.preconnect`): the
        // first rows need it after Telnyx answers. Just after the first requests to Telnyx have gone out:
        // starting a D-Bus call takes a few ms.
        setImmediate(() => secrets.listAhead());
        // The first screen is worked out while the key list arrives (see `noteFirstScreen`).
        const notes = noteFirstScreen({
          from: ports.clock.now().getTime(),
          count: FIRST_SCREEN_KEYS,
          horizonDays: attentionHorizonDays(preferences.get().reminderLeadDays),
        });
        const { status, listed } = await accounts.connect(apiKey, name ?? null, notes.see);
        keys.reset();
        // The first list arrives with the connection, so the popup never shows a half-empty list. A failed
        // sync does not undo a good connection: the list then says it is offline.
        const scope = accounts.scope();
        const firstScreen = await connected(before, listed, notes);
        // As it stands now (the first sync may have learned what this key can do), unless another account
        // was connected meanwhile (whose keys are not these).
        if (accounts.scope() !== scope) return { status };
        return { status: accounts.status(), ...(firstScreen ? { firstScreen } : {}) };
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
      'account.list': () => listAccounts(),
      'account.switch': ({ id }) => switchAccount(id),
      'account.rename': async ({ id, name }) => {
        await accounts.rename(id, name);
        // The header and the tray menu name it.
        events.emit('account.changed', {});
        redrawTray();
        return listAccounts();
      },
      'account.remove': async ({ id }) => {
        const before = accounts.scope();
        const status = await accounts.remove(id);
        keys.forgetAccount(id);
        keyCache.forget(id);
        watch.forget(id);
        keys.reset();
        if (accountChanged(before) && status.connected)
          void afterAnswer(async () => void (await syncThenCheck()));
        else redrawTray();
        return status;
      },
      'account.disconnect': async () => {
        const before = accounts.scope();
        const status = await accounts.disconnect();
        keys.reset();
        // Another account became the active one: its latest keys, after the answer.
        if (accountChanged(before) && status.connected)
          void afterAnswer(async () => void (await syncThenCheck()));
        return status;
      },
      'keys.list': (request) => keys.list(request?.since, request?.first),
      'keys.sync': (request) => syncThenCheck(request?.since),
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
      'keys.rename': ({ id, name }) => keys.rename(id, name),
      'keys.replace': ({ id }) => keys.replace(id),
      'keys.scheduleDisable': ({ id, replacedBy, when }) => keys.scheduleDisable(id, replacedBy, when),
      'keys.planDisable': ({ id, at }) => keys.planDisable(id, at),
      'keys.disableUnused': ({ id }) => keys.disableUnused(id),
      'keys.scopes': ({ id }) => keyScopes.scopes(id),
      'tokens.list': () => tokens.list(),
      'tokens.add': (input) => tokens.add(input),
      'tokens.rename': ({ id, name }) => tokens.rename(id, name),
      'tokens.remove': async ({ id }) => (await tokens.remove(id), {}),
      'tokens.copy': ({ id, format }) => tokens.copy(id, format),
      'tokens.pin': ({ id, pinned, label }) => tokens.pin(id, pinned, label),
      'settings.get': () => preferences.get(),
      'settings.set': (patch) => setPreferences(stripUndefined(patch)),
      'reminders.upcoming': () => upcoming.upcoming(),
      'reminders.snooze': ({ keyId, until }) => {
        const left = upcoming.snooze(keyId, until);
        // A snoozed key leaves the badge and the banner until its snooze ends.
        events.emit('keys.changed', {});
        return left;
      },
      'reminders.exportCalendar': async () => {
        const keysToExport = upcomingKeysForCalendar();
        // An alarm for each reminder the person chose, so the calendar reminds as Keytray would.
        const calendar = expiryCalendar(keysToExport, ports.clock.now(), preferences.get().reminderLeadDays);
        const savedTo = await ports.desktop.saveTextFile('telnyx-key-expiry.ics', calendar);
        return { savedTo, events: keysToExport.length };
      },
      'telnyx.checkCompatibility': () => compatibility.check(),
      'telnyx.preconnect': () => (preconnect(), {}),
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
        case 'account':
          // From the tray menu nothing else would say why (the account's key left the keychain).
          await switchAccount(item.accountId).catch((error: unknown) => {
            if (!(error instanceof AppError)) throw error;
            ports.desktop.notify({
              title: 'Keytray could not switch accounts',
              body: error.message,
              keyIds: [],
            });
          });
          return;
        case 'copy':
          // Another account's pinned item: copied from its part of the keychain, without switching.
          if (item.target.account !== undefined && item.target.account !== accounts.scope()) {
            const { text, label } = await secretOfOtherAccount({
              file: ports.state.read(),
              secrets,
              account: item.target.account,
              target: item.target,
            });
            ports.redactor.remember(text);
            events.emit('copied', { label, clearsInSeconds: await clipboard.copy(text) });
          } else if (item.target.kind === 'key') await keys.copy(item.target.id, 'raw');
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
    /**
     * A reminder notification was clicked (the shells show the popup): the popup shows its keys, after
     * switching to their account if it is not the active one.
     */
    async openNotification(notification: DesktopNotification) {
      if (notification.account !== undefined && notification.account !== accounts.scope()) {
        await switchAccount(notification.account).catch((error: unknown) => {
          logger.warn('could not switch to the reminder’s account', { error });
        });
      }
      events.emit('notification.clicked', { keyIds: notification.keyIds });
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
      keyCache.flush();
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
