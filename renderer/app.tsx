import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { AccountStatus } from '../electron/common/models.js';
import { keytray } from './bridge.js';
import { MainView } from './components/main-view.js';
import { AnnouncerProvider } from './hooks/use-announcer.js';
import { connectedWith, heardOfAccount } from './hooks/use-bridge-data.js';
import { PendingDisablesProvider } from './hooks/use-pending-disables.js';

/**
 * Loaded when needed, not with the popup, whose first screen (the key list) has a size budget (test/bench):
 * Connect (once per account) and "Quit Keytray?" (when full keys exist only in memory).
 */
const ConnectView = lazy(() =>
  import('./components/connect-view.js').then((m) => ({ default: m.ConnectView })),
);
const QuitDialog = lazy(() => import('./components/quit-dialog.js').then((m) => ({ default: m.QuitDialog })));

const LOADING = (
  <p className="empty" aria-busy="true">
    Loading…
  </p>
);

/**
 * The popup. Escape closes the open dialog, or else hides the popup; `/` jumps to Search. No keyboard traps:
 * dialogs are native and modal, menus close on Tab and Escape.
 */
export function App() {
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const [quitting, setQuitting] = useState(false);
  /** "Add account…": the connect view over the active account, until it connects or is cancelled. */
  const [adding, setAdding] = useState(false);
  /**
   * Switching: nothing of either account shows until main answers (never the old account's rows under the
   * new name, or the reverse); the kept list of the new one then shows at once.
   */
  const [switching, setSwitching] = useState(false);
  /**
   * The tree below is keyed by the account it shows, so nothing of a previous account survives. The same
   * account told twice (Connect answered, then `account.changed`; their order differs between shells) keeps
   * its tree: a second mount loaded the whole list a second time.
   */
  const account = status === null ? 'loading' : status.connected ? `${status.mode}:${status.keyId}` : 'none';
  const shown = useRef(status);
  shown.current = status;

  useEffect(() => {
    const loadStatus = () =>
      void keytray.account.status().then((result) => result.ok && setStatus(result.value));
    loadStatus();
    // "Quit Keytray?" lives here, not in the main view: it must show when no account is connected too.
    const offShown = keytray.on('popup.shown', ({ view }) => view === 'quit' && setQuitting(true));
    // Another account, or none: its open dialogs, messages, search, filters go (a fresh tree), and the popup
    // shows what main has now. "Quit Keytray?" stays open, re-listing what quitting would lose.
    const offAccount = keytray.on('account.changed', () => {
      // The key list that mounts next, if nothing connected is on screen yet, wants its first screen.
      heardOfAccount(!shown.current?.connected);
      loadStatus();
    });
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement ||
        event.target instanceof HTMLTextAreaElement ||
        event.target instanceof HTMLSelectElement;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'Escape' && !event.defaultPrevented) void keytray.popup.hide();
      else if (event.key === '/' && !typing) {
        event.preventDefault();
        document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      offShown();
      offAccount();
    };
  }, []);

  return (
    <AnnouncerProvider key={account}>
      {status === null || switching ? (
        LOADING
      ) : adding || !status.connected ? (
        <Suspense fallback={LOADING}>
          <ConnectView
            onConnected={(next, firstScreen) => {
              // The key list mounts next, and shows the first screen the answer brought in its first render.
              connectedWith(firstScreen);
              setAdding(false);
              setStatus(next);
            }}
            {...(adding && status.connected ? { adding: { onCancel: () => setAdding(false) } } : {})}
          />
        </Suspense>
      ) : (
        // Disables still in their Undo window belong to this account: a new account's tree drops them unsent.
        <PendingDisablesProvider>
          <MainView
            status={status}
            onStatus={setStatus}
            onSwitchAccount={(id) =>
              void import('./components/account-switcher.js').then((m) =>
                m.switchAccount(id, setSwitching, setStatus),
              )
            }
            onAddAccount={() => setAdding(true)}
          />
        </PendingDisablesProvider>
      )}
      {quitting && (
        <Suspense fallback={null}>
          <QuitDialog onClose={() => setQuitting(false)} />
        </Suspense>
      )}
    </AnnouncerProvider>
  );
}
