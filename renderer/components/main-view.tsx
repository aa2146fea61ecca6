import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyCopyFormat } from '../../electron/common/contract.js';
import { isExpiringSoon } from '../../electron/common/expiry.js';
import type { AccountStatus, KeyView } from '../../electron/common/models.js';
import { displayText } from '../../electron/common/text.js';
import { keytray } from '../bridge.js';
import { filterKeys, indexKeys, topTags } from '../filter-keys.js';
import { useAnnounce } from '../hooks/use-announcer.js';
import { useKeyList, usePreferences, useTokens } from '../hooks/use-bridge-data.js';
import { CreateKeyDialog } from './create-key-dialog.js';
import { Icon } from './icons.js';
import { CompatibilityDialog } from './compatibility-dialog.js';
import { DisconnectDialog } from './disconnect-dialog.js';
import { DeleteKeyDialog, EditTagsDialog, RevealDialog } from './key-dialogs.js';
import { KeyList, type KeyListHandle } from './key-list.js';
import type { KeyActions, KeyPermissions } from './key-row.js';
import { ReplaceKeyDialog, TrayLabelDialog } from './replace-key-dialog.js';
import { ForgetSavedKeyDialog, SaveFullKeyDialog } from './saved-key-dialogs.js';
import { SettingsDialog } from './settings-dialog.js';
import { TokensView } from './tokens-view.js';
import { PortalNotes, StatusBanners } from './notices.js';

type Connected = Extract<AccountStatus, { connected: true }>;
type Open =
  | { kind: 'create' }
  | { kind: 'settings' }
  | { kind: 'disconnect' }
  | { kind: 'compatibility' }
  | {
      kind:
        | 'editTags'
        | 'saveSecret'
        | 'changeSecret'
        | 'forgetSecret'
        | 'reveal'
        | 'delete'
        | 'replace'
        | 'trayLabel';
      id: string;
    }
  | null;

/** Said after "curl command" is copied: the command holds no key, it reads the variable. */
const CURL_PAIRING = ' as a curl command; it reads $TELNYX_API_KEY, which Copy as… Environment variable sets';

/** The main view: tabs, search, tag filters, banners, the key list or the tokens, and the dialogs. */
export function MainView(props: { status: Connected; onStatus: (status: AccountStatus) => void }) {
  const announce = useAnnounce();
  const [list] = useKeyList();
  const [tokens] = useTokens();
  const { preferences, update } = usePreferences();
  const [tab, setTab] = useState<'keys' | 'tokens'>('keys');
  const [query, setQuery] = useState('');
  const [pressedTags, setPressedTags] = useState<string[]>([]);
  const [onlyIds, setOnlyIds] = useState<{ ids: Set<string>; why: string; fromReminder?: boolean } | null>(
    null,
  );
  const [open, setOpen] = useState<Open>(null);
  const [syncing, setSyncing] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const listRef = useRef<KeyListHandle>(null);
  /** The format of the copy this popup just asked for: the `copied` event that follows does not say it. */
  const copyFormat = useRef<KeyCopyFormat | null>(null);
  const { capabilities } = props.status;

  const keys = list?.keys ?? [];
  const now = useMemo(() => new Date(list?.now ?? Date.now()), [list?.now]);
  const index = useMemo(() => indexKeys(keys), [keys]);
  const shown = useMemo(
    () => filterKeys(index, query, pressedTags, onlyIds?.ids ?? null),
    [index, query, pressedTags, onlyIds],
  );
  const tagsInUse = useMemo(() => topTags(keys, 50), [keys]);
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
        const result = await keytray.keys.setEnabled({ id, enabled });
        if (result.ok) announce(enabled ? `Key enabled: ${id}` : `Key disabled: ${id}`);
        else fail(result.error);
      },
      editTags: (id: string) => setOpen({ kind: 'editTags', id }),
      async pin(id: string, pinned: boolean) {
        const result = await keytray.keys.pin({ id, pinned });
        if (result.ok) announce(pinned ? `Pinned ${id} to the tray menu` : `Unpinned ${id}`);
        else fail(result.error);
      },
      saveSecret: (id: string) => setOpen({ kind: 'saveSecret', id }),
      changeSecret: (id: string) => setOpen({ kind: 'changeSecret', id }),
      forgetSecret: (id: string) => setOpen({ kind: 'forgetSecret', id }),
      reveal: (id: string) => setOpen({ kind: 'reveal', id }),
      remove: (id: string) => setOpen({ kind: 'delete', id }),
      replace: (id: string) => setOpen({ kind: 'replace', id }),
      renamePin: (id: string) => setOpen({ kind: 'trayLabel', id }),
    }),
    [announce, fail, preferences?.hideAfterCopy],
  );

  const connectedUserId = keys.find((k) => k.id === props.status.keyId)?.userId ?? null;
  const permissions: KeyPermissions = useMemo(
    () => ({
      toggle: capabilities.isOwner,
      editTags: capabilities.editTags !== 'unavailable',
      remove: capabilities.isOwner || capabilities.deleteOwn !== 'unavailable',
      connectedKeyId: props.status.keyId,
      connectedUserId,
    }),
    [capabilities, props.status.keyId, connectedUserId],
  );

  useEffect(() => {
    const offCopied = keytray.on('copied', ({ label, clearsInSeconds }) => {
      const curl = copyFormat.current === 'curl';
      copyFormat.current = null;
      announce(
        `Copied ${label}${curl ? CURL_PAIRING : ''}${clearsInSeconds ? ` — clipboard clears in ${clearsInSeconds} s` : ''}`,
      );
    });
    const offCleared = keytray.on('clipboard.cleared', () => announce('Clipboard cleared'));
    const offClicked = keytray.on('notification.clicked', ({ keyIds }) => {
      setTab('keys');
      setQuery('');
      setPressedTags([]);
      setOnlyIds({
        ids: new Set(keyIds),
        why: keyIds.length === 1 ? 'the key from the reminder' : `${keyIds.length} keys from the reminder`,
        fromReminder: true,
      });
    });
    const offShown = keytray.on('popup.shown', ({ view }) => {
      if (view === 'settings') setOpen({ kind: 'settings' });
      else if (view === 'main') search.current?.focus();
      // 'quit': the app shows "Quit Keytray?" over whatever is open.
    });
    search.current?.focus();
    return () => (offCopied(), offCleared(), offClicked(), offShown());
  }, [announce]);

  // A sync or a dialog may have learned what the API can't do (own list, tags, delete): ask main again.
  useEffect(() => {
    if (open === null) void refreshStatus();
  }, [open, refreshStatus]);
  useEffect(() => keytray.on('keys.changed', () => void refreshStatus()), [refreshStatus]);

  const sync = async () => {
    setSyncing(true);
    const result = await keytray.keys.sync();
    setSyncing(false);
    if (result.ok) announce(`Synced ${result.value.keys.length} keys`);
    else fail(result.error);
  };

  const closeDialog = (message?: string) => {
    setOpen(null);
    if (message) announce(message);
  };

  const expiring = useMemo(
    () => keys.filter((k) => k.status === 'active' && isExpiringSoon(k.expiresAt, now)),
    [keys, now],
  );

  const forgetting = open?.kind === 'forgetSecret' ? keys.find((k) => k.id === open.id) : undefined;

  const copyFirstMatch = () => {
    const first: KeyView | undefined = shown[0];
    if (!first) return announce('No key matches that search', 'error');
    if (first.hasSecret) void actions.copy(first.id, 'raw');
    else
      announce(
        `Keytray does not hold the full key of ${first.id}. Use "Save the full key" to paste it.`,
        'error',
      );
  };

  return (
    <div className="main">
      <header className="header">
        <div role="tablist" aria-label="Credentials" className="tabs">
          {(['keys', 'tokens'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                  const next = name === 'keys' ? 'tokens' : 'keys';
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {name === 'keys' ? 'API keys' : 'V1 tokens'}
            </button>
          ))}
        </div>
        <div className="header-actions">
          {tab === 'keys' && (
            <button
              type="button"
              className="icon-button"
              aria-label="Create key"
              title="Create key"
              onClick={() => setOpen({ kind: 'create' })}
            >
              <Icon name="plus" />
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Sync"
            title="Sync with Telnyx"
            disabled={syncing}
            onClick={() => void sync()}
          >
            <Icon name="sync" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Settings"
            title="Settings"
            onClick={() => setOpen({ kind: 'settings' })}
          >
            <Icon name="gear" />
          </button>
        </div>
      </header>
      <div className="search-row">
        <input
          ref={search}
          type="search"
          aria-label="Search"
          placeholder={tab === 'keys' ? 'Search id, tag or user   /' : 'Search tokens   /'}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (tab !== 'keys') return;
            if (event.key === 'Enter') {
              event.preventDefault();
              copyFirstMatch();
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              listRef.current?.focusRow(0);
            }
          }}
        />
      </div>
      {tab === 'keys' ? (
        <section id="panel-keys" role="tabpanel" aria-labelledby="tab-keys" className="panel">
          {quickTags.length > 0 && (
            <div className="tag-filters" role="group" aria-label="Filter by tag">
              {quickTags.map((tag) => (
                <button
                  key={tag}
                  type="button"
                  className="tag-filter"
                  aria-label={`Tag ${displayText(tag)}`}
                  aria-pressed={pressedTags.includes(tag)}
                  onClick={() =>
                    setPressedTags((p) => (p.includes(tag) ? p.filter((t) => t !== tag) : [...p, tag]))
                  }
                >
                  {displayText(tag)}
                </button>
              ))}
            </div>
          )}
          <StatusBanners
            list={list}
            expiring={expiring}
            onlyIds={onlyIds}
            onShowExpiring={() =>
              setOnlyIds({ ids: new Set(expiring.map((k) => k.id)), why: 'keys that expire soon' })
            }
            onClearOnly={() => setOnlyIds(null)}
            onSnooze={async (until) => {
              for (const keyId of onlyIds?.ids ?? []) {
                const result = await keytray.reminders.snooze({ keyId, until });
                if (!result.ok) return fail(result.error);
              }
              announce(
                until === 'tomorrow'
                  ? 'Reminder snoozed until tomorrow'
                  : 'Reminder snoozed until the next reminder',
              );
              setOnlyIds(null);
            }}
          />
          <PortalNotes capabilities={capabilities} mode={props.status.mode} />
          {list === null ? (
            <p className="empty">Loading keys…</p>
          ) : shown.length === 0 ? (
            <p className="empty">
              {keys.length === 0 ? 'No keys yet. Sync, or create one.' : 'No key matches.'}
            </p>
          ) : (
            <KeyList
              ref={listRef}
              keys={shown}
              now={now}
              actions={actions}
              permissions={permissions}
              onLeaveTop={() => search.current?.focus()}
            />
          )}
        </section>
      ) : (
        <section id="panel-tokens" role="tabpanel" aria-labelledby="tab-tokens" className="panel">
          <TokensView tokens={tokens ?? []} query={query} />
        </section>
      )}
      {open?.kind === 'create' && (
        <CreateKeyDialog
          suggestions={tagsInUse}
          canDisableKeys={capabilities.isOwner}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'editTags' && (
        <EditTagsDialog
          id={open.id}
          tags={keys.find((k) => k.id === open.id)?.tags ?? []}
          suggestions={tagsInUse}
          onClose={closeDialog}
        />
      )}
      {(open?.kind === 'saveSecret' || open?.kind === 'changeSecret') && (
        <SaveFullKeyDialog
          id={open.id}
          mode={open.kind === 'saveSecret' ? 'save' : 'change'}
          onClose={closeDialog}
        />
      )}
      {open?.kind === 'forgetSecret' && forgetting && (
        <ForgetSavedKeyDialog item={forgetting} onClose={closeDialog} />
      )}
      {open?.kind === 'reveal' && <RevealDialog id={open.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteKeyDialog id={open.id} onClose={closeDialog} />}
      {open?.kind === 'replace' && <ReplaceKeyDialog id={open.id} onClose={closeDialog} />}
      {open?.kind === 'trayLabel' && (
        <TrayLabelDialog
          id={open.id}
          label={keys.find((k) => k.id === open.id)?.pinLabel ?? null}
          onClose={closeDialog}
        />
      )}
      {open?.kind === 'settings' && preferences && (
        <SettingsDialog
          preferences={preferences}
          update={update}
          onClose={() => setOpen(null)}
          onExport={async () => {
            const result = await keytray.reminders.exportCalendar();
            if (!result.ok) return fail(result.error);
            if (result.value.savedTo)
              announce(`Saved ${result.value.events} expiry dates to ${result.value.savedTo}`);
          }}
          onDisconnect={() => setOpen({ kind: 'disconnect' })}
          onCheckCompatibility={() => setOpen({ kind: 'compatibility' })}
        />
      )}
      {open?.kind === 'compatibility' && (
        <CompatibilityDialog onClose={() => setOpen({ kind: 'settings' })} />
      )}
      {open?.kind === 'disconnect' && (
        <DisconnectDialog onDisconnected={props.onStatus} onCancel={() => setOpen({ kind: 'settings' })} />
      )}
    </div>
  );
}
