import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyCopyFormat } from '../../electron/common/channels.js';
import type { AccountStatus, KeyView } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { TOP_TAGS, topTags } from '../../electron/common/top-tags.js';
import { enterMayCopy } from '../../electron/common/key-order.js';
import { useAnnounce } from '../hooks/use-announcer.js';
import { useKeyList, usePreferences, useTokens } from '../hooks/use-bridge-data.js';
import { useKeyFilter } from '../hooks/use-key-filter.js';
import { usePendingDisables } from '../hooks/use-pending-disables.js';
import { usePopupEvents } from '../hooks/use-popup-events.js';
import type { KeyListHandle } from './key-list.js';
import { KeyPanel } from './key-panel.js';
import type { KeyActions, KeyPermissions } from './key-row.js';
import type { OpenDialog } from './main-dialogs.js';
import { MainHeader, type MainTab } from './main-header.js';
import type { SnoozeUntil } from './notices.js';
import { SearchRow } from './search-row.js';
import '../styles/main-view.css';

/**
 * The dialogs load the first time one opens: the popup's first screen needs none of them, and what the popup
 * loads at start has a budget (test/bench, issue 12).
 */
const MainDialogs = lazy(() => import('./main-dialogs.js').then((m) => ({ default: m.MainDialogs })));
/** The account switcher: loaded only when there is more than one account. */
const AccountSwitcher = lazy(() =>
  import('./account-switcher.js').then((m) => ({ default: m.AccountSwitcher })),
);
/** The V1 tokens tab, likewise: loaded when first opened. */
const TokensView = lazy(() => import('./tokens-view.js').then((m) => ({ default: m.TokensView })));

type Connected = Extract<AccountStatus, { connected: true }>;

/** What a pin did, said plainly: a key whose full key Keytray lacks cannot be copied from the tray menu. */
function pinMessage(key: KeyView, pinned: boolean): string {
  if (!pinned) return `Unpinned ${key.id}`;
  if (!key.hasSecret)
    return `Pinned ${key.id} to the top of the list. It can't be copied from the tray menu until Keytray holds its full key: use "Save the full key".`;
  return `Pinned ${key.id} to the tray menu`;
}

/**
 * The main view: header, search, and the keys or the tokens, with the dialogs. State lives here; each part
 * (`MainHeader`, `SearchRow`, `KeyPanel`, `TokensView`, `MainDialogs`) draws it.
 */
export function MainView(props: {
  status: Connected;
  onStatus: (status: AccountStatus) => void;
  onSwitchAccount: (id: string) => void;
  onAddAccount: () => void;
}) {
  const announce = useAnnounce();
  const { start: startDisable, undo: undoDisable } = usePendingDisables();
  const [list, , syncKeys] = useKeyList();
  const [tokens] = useTokens();
  const { preferences, update } = usePreferences();
  const [tab, setTab] = useState<MainTab>('keys');
  const [open, setOpen] = useState<OpenDialog>(null);
  const [syncing, setSyncing] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const listRef = useRef<KeyListHandle>(null);
  /** The format of the copy this popup just asked for: the `copied` event that follows does not say it. */
  const copyFormat = useRef<KeyCopyFormat | null>(null);
  const { capabilities } = props.status;

  const keys = useMemo(() => list?.keys ?? [], [list]);
  const now = useMemo(() => new Date(list?.now ?? Date.now()), [list?.now]);
  const unusedDays = preferences?.unusedAfterDays ?? 90;
  const filter = useKeyFilter(keys, now, unusedDays);
  // The unused filter only where Telnyx reports last use (not, say, for keys Keytray holds but no list shows).
  const lastUseKnown = useMemo(() => keys.some((k) => !k.unreadable.includes('lastUsedAt')), [keys]);
  const { shown, clear: clearFilter, setOnly } = filter;
  // A first screen's few keys would offer other tags than the whole list: main sends the whole list's.
  const tagsInUse = useMemo(() => list?.topTags ?? topTags(keys, TOP_TAGS), [list?.topTags, keys]);
  const quickTags = tagsInUse.slice(0, 6);

  const { onStatus } = props;
  const refreshStatus = useCallback(async () => {
    const result = await keytray.account.status();
    if (result.ok) onStatus(result.value);
  }, [onStatus]);

  const fail = useCallback(
    (error: { code: string; message: string }) => {
      announce(error.message, 'error');
      if (error.code === 'not-supported') void refreshStatus();
    },
    [announce, refreshStatus],
  );

  const actions: KeyActions = useMemo(
    () => ({
      async copy(id: string, format: KeyCopyFormat) {
        copyFormat.current = format;
        const result = await keytray.keys.copy({ id, format });
        if (!result.ok) return fail(result.error);
        // Announced from the `copied` event, the one path every copy (popup or tray) takes.
        if (format === 'raw' && preferences?.hideAfterCopy) void keytray.popup.hide();
      },
      async setEnabled(id: string, enabled: boolean) {
        // Switched back on within the Undo window: nothing was sent, nothing is.
        if (enabled && undoDisable(id)) return;
        const send = async () => {
          const result = await keytray.keys.setEnabled({ id, enabled });
          if (result.ok) announce(enabled ? `Key enabled: ${id}` : `Key disabled: ${id}`);
          else fail(result.error);
        };
        // Off waits out its Undo window first (the row shows it); on is sent at once.
        if (enabled) await send();
        else startDisable(id, send);
      },
      editTags: (id: string) => setOpen({ kind: 'editTags', id }),
      async pin(id: string, pinned: boolean) {
        const result = await keytray.keys.pin({ id, pinned });
        if (!result.ok) return fail(result.error);
        announce(pinMessage(result.value, pinned));
      },
      saveSecret: (id: string) => setOpen({ kind: 'saveSecret', id }),
      changeSecret: (id: string) => setOpen({ kind: 'changeSecret', id }),
      forgetSecret: (id: string) => setOpen({ kind: 'forgetSecret', id }),
      reveal: (id: string) => setOpen({ kind: 'reveal', id }),
      remove: (id: string) => setOpen({ kind: 'delete', id }),
      replace: (id: string) => setOpen({ kind: 'replace', id }),
      renamePin: (id: string) => setOpen({ kind: 'trayLabel', id }),
      rename: (id: string) => setOpen({ kind: 'rename', id }),
      scopes: (id: string) => setOpen({ kind: 'scopes', id }),
    }),
    [announce, fail, preferences?.hideAfterCopy, startDisable, undoDisable],
  );

  const connectedUserId = keys.find((k) => k.id === props.status.keyId)?.userId ?? null;
  const permissions: KeyPermissions = useMemo(
    () => ({
      toggle: capabilities.isOwner,
      editTags: capabilities.editTags !== 'unavailable',
      remove: capabilities.isOwner || capabilities.deleteOwn !== 'unavailable',
      connectedKeyId: props.status.keyId,
      accountKeyIds: props.status.accountKeyIds,
      connectedUserId,
    }),
    [capabilities, props.status.keyId, props.status.accountKeyIds, connectedUserId],
  );

  // Each show starts clean: no search, tag or filter left from last time (a reminder's click sets its own
  // filter right after its show). Focus goes to Search, or Settings opens.
  const onShown = useCallback(
    (view: 'main' | 'settings' | 'quit') => {
      if (view === 'quit') return; // the app shows "Quit Keytray?" over whatever is open
      clearFilter();
      if (view === 'settings') setOpen({ kind: 'settings' });
      else search.current?.focus();
    },
    [clearFilter],
  );
  const onReminderClicked = useCallback(
    (keyIds: string[]) => {
      setTab('keys');
      clearFilter();
      setOnly({
        ids: new Set(keyIds),
        why: keyIds.length === 1 ? 'the key from the reminder' : `${keyIds.length} keys from the reminder`,
        snoozable: true,
      });
    },
    [clearFilter, setOnly],
  );
  usePopupEvents({ copyFormat, onShown, onReminderClicked });
  useEffect(() => search.current?.focus(), []);

  // A sync or a dialog may have learned what the API can't do (own list, tags, delete): ask main again.
  useEffect(() => {
    if (open === null) void refreshStatus();
  }, [open, refreshStatus]);
  useEffect(() => keytray.on('keys.changed', () => void refreshStatus()), [refreshStatus]);

  const sync = async () => {
    setSyncing(true);
    // Through the list's hook: the answer holds only what changed, and the hook keeps the whole list.
    const result = await syncKeys();
    setSyncing(false);
    if (result.ok) announce(`Up to date: ${result.value.keys.length} keys from Telnyx`);
    else fail(result.error);
  };

  const closeDialog = (message?: string) => {
    setOpen(null);
    if (message) announce(message);
  };

  /** Snoozes each key's reminder; a key with no reminder any more (it was just disabled) is passed over. */
  const snooze = async (keyIds: string[], until: SnoozeUntil) => {
    let snoozed = 0;
    for (const keyId of keyIds) {
      const result = await keytray.reminders.snooze({ keyId, until });
      if (result.ok) snoozed++;
      else if (result.error.code !== 'not-found') return fail(result.error);
    }
    const when = until === 'tomorrow' ? 'tomorrow' : 'the next reminder';
    announce(snoozed === 1 ? `Reminder snoozed until ${when}` : `${snoozed} reminders snoozed until ${when}`);
    setOnly(null);
  };

  const exportCalendar = async () => {
    const result = await keytray.reminders.exportCalendar();
    if (!result.ok) return fail(result.error);
    const { savedTo, events } = result.value;
    announce(savedTo ? `Saved ${events} expiry dates to ${savedTo}` : 'Nothing was exported');
  };

  /** Enter in Search: the first match that works (not disabled, expired or about to be disabled). */
  const copyFirstMatch = () => {
    const first: KeyView | undefined = shown.find((key) => enterMayCopy(key, now));
    if (!first)
      return announce(
        shown.length === 0
          ? 'No key matches that search'
          : 'No working key matches: Enter skips disabled and expired keys and keys about to be disabled',
        'error',
      );
    if (first.hasSecret) void actions.copy(first.id, 'raw');
    else
      announce(
        `Keytray does not hold the full key of ${first.id}. Use "Save the full key" to paste it.`,
        'error',
      );
  };

  return (
    <div className="main">
      {props.status.accountCount > 1 && (
        <Suspense fallback={<div className="account-bar" />}>
          <AccountSwitcher
            name={props.status.name}
            onSwitch={props.onSwitchAccount}
            onAdd={props.onAddAccount}
            onRename={() => setOpen({ kind: 'renameAccount' })}
            onRemove={() => setOpen({ kind: 'removeAccount' })}
          />
        </Suspense>
      )}
      <MainHeader
        tab={tab}
        onTab={setTab}
        syncing={syncing}
        onCreate={() => setOpen({ kind: 'create' })}
        onSync={() => void sync()}
        onSettings={() => setOpen({ kind: 'settings' })}
      />
      <SearchRow
        inputRef={search}
        tab={tab}
        query={filter.query}
        onQuery={filter.setQuery}
        onEnter={copyFirstMatch}
        onArrowDown={() => listRef.current?.focusRow(0)}
      />
      {tab === 'keys' ? (
        <KeyPanel
          list={list}
          shown={shown}
          unfiltered={
            filter.query === '' && filter.pressedTags.length === 0 && filter.only === null && !filter.unused
          }
          now={now}
          quickTags={quickTags}
          pressedTags={filter.pressedTags}
          onToggleTag={filter.toggleTag}
          only={filter.only}
          onOnly={setOnly}
          onSnooze={(ids, until) => void snooze(ids, until)}
          capabilities={capabilities}
          mode={props.status.mode}
          listRef={listRef}
          actions={actions}
          permissions={permissions}
          onLeaveTop={() => search.current?.focus()}
          unused={
            lastUseKnown ? { days: unusedDays, pressed: filter.unused, onToggle: filter.toggleUnused } : null
          }
          onDisableUnused={(ids) => setOpen({ kind: 'disableUnused', ids })}
        />
      ) : (
        <section id="panel-tokens" role="tabpanel" aria-labelledby="tab-tokens" className="panel">
          <Suspense fallback={null}>
            <TokensView
              tokens={tokens ?? []}
              query={filter.query}
              hideAfterCopy={preferences?.hideAfterCopy ?? false}
            />
          </Suspense>
        </section>
      )}
      {open !== null && (
        <Suspense fallback={null}>
          <MainDialogs
            open={open}
            setOpen={setOpen}
            onClose={closeDialog}
            keys={keys}
            now={now}
            connectedUserId={connectedUserId}
            tagsInUse={tagsInUse}
            capabilities={capabilities}
            preferences={preferences}
            update={update}
            onExport={() => void exportCalendar()}
            onStatus={props.onStatus}
            account={props.status}
            onAddAccount={props.onAddAccount}
            accountKeyIds={props.status.accountKeyIds}
          />
        </Suspense>
      )}
    </div>
  );
}
