import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountStatus, AccountSummary, KeyList } from '../../electron/common/models.js';
import { parseKeyValue } from '../../electron/common/key-id.js';
import { keytray } from '../bridge.js';
import { whileConnecting } from '../hooks/use-bridge-data.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Icon } from './icons.js';
import { PortalLink } from './portal-link.js';
import '../styles/connect.css';

/**
 * First run: paste a key (checked with Telnyx, then kept in the keychain) or try the demo account. Also
 * "Add account…" (`adding`): the same, with a Name for the new account ("Production") and Cancel.
 */
export function ConnectView({
  onConnected,
  adding,
}: {
  /** `firstScreen`: the account's first keys, when Connect read its key list (see `ConnectAnswer`). */
  onConnected: (status: AccountStatus, firstScreen?: KeyList) => void;
  /** Adding another account: Cancel goes back to the one that is active. */
  adding?: { onCancel: () => void };
}) {
  const [apiKey, setApiKey] = useState('');
  const [name, setName] = useState('');
  /** Adding: what the account is called if no name is typed, and whether the demo is one already. */
  const [known, setKnown] = useState<{ suggestedName: string; hasDemo: boolean } | null>(null);
  const isAdding = adding !== undefined;
  useEffect(() => {
    if (!isAdding) return;
    void keytray.account.list().then((result) => {
      if (result.ok) setKnown(suggestionFor(result.value));
    });
  }, [isAdding]);
  const { busy, run, alert } = useSubmit();
  // Which of the two buttons is at work, for its label; one `run` guards both (no demo while a key is checked).
  const [action, setAction] = useState<'key' | 'demo'>('key');
  const field = useRef<HTMLInputElement>(null);
  const preconnected = useRef(0);
  // The popup opens with the cursor where the person will type (autoFocus alone misses a hidden window).
  useEffect(() => keytray.on('popup.shown', () => field.current?.focus()), []);

  const connect = (event: FormEvent) => {
    event.preventDefault();
    return run(
      () => {
        setAction('key');
        const chosen = name.trim();
        return whileConnecting(
          keytray.account.connect({ apiKey, ...(adding && chosen ? { name: chosen } : {}) }),
        );
      },
      (answer) => {
        setApiKey('');
        onConnected(answer.status, answer.firstScreen);
      },
    );
  };

  const demo = () =>
    run(
      () => {
        setAction('demo');
        return keytray.account.connectDemo();
      },
      (status) => onConnected(status),
    );

  return (
    <main className="connect">
      <div className="brand">
        <Icon name="key" />
        <h1>Keytray</h1>
      </div>
      {adding ? (
        <h2>Add an account</h2>
      ) : (
        <p>Your Telnyx API keys and V1 tokens, one click away and kept in your system keychain.</p>
      )}
      <form onSubmit={(event) => void connect(event)}>
        {adding && (
          <label>
            Name
            <input
              type="text"
              autoFocus
              value={name}
              maxLength={40}
              placeholder={known?.suggestedName ?? 'Like “Production” or “Staging”'}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
        )}
        <label>
          Telnyx API key
          <input
            type="password"
            ref={field}
            autoFocus={!adding}
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            onChange={(event) => {
              setApiKey(event.target.value);
              // Main opens its connection to Telnyx while a key is typed (see `telnyx.preconnect`): only once
              // it looks like one (nothing reaches Telnyx for text that is refused before it is asked).
              if (parseKeyValue(event.target.value.trim()) && Date.now() - preconnected.current > 4_000) {
                preconnected.current = Date.now();
                void keytray.telnyx.preconnect();
              }
            }}
            placeholder="KEY…"
            required
          />
        </label>
        <p className="hint">
          Find it on the <PortalLink>API Keys page of the Telnyx portal</PortalLink>. Keytray checks it with
          Telnyx and stores it only in your system keychain.
        </p>
        {alert}
        <button type="submit" className="primary" disabled={busy || apiKey.trim() === ''}>
          {busy && action === 'key' ? 'Connecting…' : adding ? 'Add account' : 'Connect'}
        </button>
        {adding && (
          <button type="button" onClick={adding.onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </form>
      {!(adding && (known?.hasDemo ?? true)) && (
        <>
          <div className="or">or</div>
          <button type="button" onClick={() => void demo()} disabled={busy}>
            {busy && action === 'demo' ? 'Starting the demo…' : 'Try the demo account'}
          </button>
          <p className="hint">
            The demo account is simulated: nothing reaches Telnyx and its keys vanish when you quit.
          </p>
        </>
      )}
    </main>
  );
}

/** As main names an account added without a name ("Account 2"; see `known-accounts.ts`). */
function suggestionFor(accounts: readonly AccountSummary[]) {
  const taken = new Set(accounts.map((a) => a.name.toLowerCase()));
  let n = accounts.filter((a) => a.mode === 'telnyx').length + 1;
  while (taken.has(`account ${n}`)) n++;
  return { suggestedName: `Account ${n}`, hasDemo: accounts.some((a) => a.mode === 'demo') };
}
