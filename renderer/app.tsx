import { useEffect, useState } from 'react';
import type { AccountStatus } from '../electron/common/models.js';
import { keytray } from './bridge.js';
import { ConnectView } from './components/connect-view.js';
import { MainView } from './components/main-view.js';
import { QuitDialog } from './components/quit-dialog.js';
import { AnnouncerProvider } from './hooks/use-announcer.js';

/**
 * The popup. Escape closes the open dialog, or else hides the popup; `/` jumps to Search. No keyboard traps:
 * dialogs are native and modal, menus close on Tab and Escape.
 */
export function App() {
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const [quitting, setQuitting] = useState(false);
  /** Counts account changes: the tree below is keyed by it, so nothing of the previous account survives. */
  const [account, setAccount] = useState(0);

  useEffect(() => {
    const loadStatus = () =>
      void keytray.account.status().then((result) => result.ok && setStatus(result.value));
    loadStatus();
    // "Quit Keytray?" lives here, not in the main view: it must show when no account is connected too.
    const offShown = keytray.on('popup.shown', ({ view }) => view === 'quit' && setQuitting(true));
    // Another account, or none: its open dialogs, messages, search, filters go (a fresh tree), and the popup
    // shows what main has now. "Quit Keytray?" stays open, re-listing what quitting would lose.
    const offAccount = keytray.on('account.changed', () => {
      setAccount((n) => n + 1);
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
      {status === null ? (
        <p className="empty" aria-busy="true">
          Loading…
        </p>
      ) : status.connected ? (
        <MainView status={status} onStatus={setStatus} />
      ) : (
        <ConnectView onConnected={setStatus} />
      )}
      {quitting && <QuitDialog onClose={() => setQuitting(false)} />}
    </AnnouncerProvider>
  );
}
