import { useEffect, useState } from 'react';
import type { AccountStatus } from '../electron/common/models.js';
import { keytray } from './bridge.js';
import { ConnectView } from './components/connect-view.js';
import { MainView } from './components/main-view.js';
import { AnnouncerProvider } from './hooks/use-announcer.js';

/**
 * The popup. Escape closes the open dialog, or else hides the popup; `/` jumps to Search. No keyboard traps:
 * dialogs are native and modal, menus close on Tab and Escape.
 */
export function App() {
  const [status, setStatus] = useState<AccountStatus | null>(null);

  useEffect(() => {
    void keytray.account.status().then((result) => result.ok && setStatus(result.value));
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
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <AnnouncerProvider>
      {status === null ? (
        <p className="empty" aria-busy="true">
          Loading…
        </p>
      ) : status.connected ? (
        <MainView status={status} onStatus={setStatus} />
      ) : (
        <ConnectView onConnected={setStatus} />
      )}
    </AnnouncerProvider>
  );
}
