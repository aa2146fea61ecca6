import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountStatus } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { ErrorAlert } from './dialog.js';
import { Icon } from './icons.js';
import { PortalLink } from './portal-link.js';
import '../styles/connect.css';

/** First run: paste a key (checked with Telnyx, then kept in the keychain) or try the demo account. */
export function ConnectView({ onConnected }: { onConnected: (status: AccountStatus) => void }) {
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState<'key' | 'demo' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // The popup opens with the cursor where the person will type (autoFocus alone misses a hidden window).
  useEffect(() => keytray.on('popup.shown', () => field.current?.focus()), []);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('key');
    setProblem(null);
    const result = await keytray.account.connect({ apiKey });
    setBusy(null);
    if (result.ok) {
      setApiKey('');
      onConnected(result.value);
    } else setProblem(result.error.message);
  };

  const demo = async () => {
    setBusy('demo');
    setProblem(null);
    const result = await keytray.account.connectDemo();
    setBusy(null);
    if (result.ok) onConnected(result.value);
    else setProblem(result.error.message);
  };

  return (
    <main className="connect">
      <div className="brand">
        <Icon name="key" />
        <h1>Keytray</h1>
      </div>
      <p>Your Telnyx API keys and V1 tokens, one click away and kept in your system keychain.</p>
      <form onSubmit={(event) => void connect(event)}>
        <label>
          Telnyx API key
          <input
            type="password"
            ref={field}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            placeholder="KEY…"
            required
          />
        </label>
        <p className="hint">
          Find it on the <PortalLink>API Keys page of the Telnyx portal</PortalLink>. Keytray checks it with
          Telnyx and stores it only in your system keychain.
        </p>
        <ErrorAlert message={problem} />
        <button type="submit" className="primary" disabled={busy !== null || apiKey.trim() === ''}>
          {busy === 'key' ? 'Connecting…' : 'Connect'}
        </button>
      </form>
      <div className="or">or</div>
      <button type="button" onClick={() => void demo()} disabled={busy !== null}>
        {busy === 'demo' ? 'Starting the demo…' : 'Try the demo account'}
      </button>
      <p className="hint">
        The demo account is simulated: nothing reaches Telnyx and its keys vanish when you quit.
      </p>
    </main>
  );
}
