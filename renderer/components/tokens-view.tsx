import { useState, type FormEvent } from 'react';
import type { TokenView } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useAnnounce } from '../hooks/use-announcer.js';
import { Dialog, ErrorAlert } from './dialog.js';
import { Icon } from './icons.js';
import { PortalLink } from './portal-link.js';

/**
 * V1 tokens: Telnyx has no API for them, so Keytray keeps the ones you paste in (name, account e-mail,
 * token) and copies them as the token or as the `x-api-user`/`x-api-token` header pair.
 */
export function TokensView(props: { tokens: TokenView[]; query: string }) {
  const announce = useAnnounce();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TokenView | null>(null);
  const words = props.query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = props.tokens.filter((t) =>
    words.every((w) => `${t.name} ${t.email}`.toLowerCase().includes(w)),
  );

  const copy = async (token: TokenView, format: 'token' | 'headers') => {
    // Success is announced from the `copied` event, like every copy.
    const result = await keytray.tokens.copy({ id: token.id, format });
    if (!result.ok) announce(result.error.message, 'error');
  };
  const pin = async (token: TokenView) => {
    const result = await keytray.tokens.pin({ id: token.id, pinned: !token.pinned });
    announce(
      result.ok
        ? token.pinned
          ? `Unpinned ${token.name}`
          : `Pinned ${token.name} to the tray menu`
        : result.error.message,
      result.ok ? 'info' : 'error',
    );
  };

  return (
    <section className="tokens" aria-label="V1 tokens">
      <div className="toolbar">
        <button type="button" onClick={() => setAdding(true)}>
          <Icon name="plus" /> Add token
        </button>
      </div>
      {props.tokens.length === 0 ? (
        <p className="empty">
          No V1 tokens yet. Add one you created in the portal, and Keytray keeps it in your system keychain.
        </p>
      ) : (
        <ul aria-label="V1 tokens" className="token-list">
          {shown.map((token) => (
            <li key={token.id} className="token-row">
              <div className="key-main">
                <strong>{token.name}</strong>
                <span className="user">{token.email}</span>
              </div>
              <div className="key-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Copy ${token.name}`}
                  title="Copy token"
                  onClick={() => void copy(token, 'token')}
                >
                  <Icon name="copy" />
                </button>
                <button
                  type="button"
                  className="text-button"
                  aria-label={`Copy headers ${token.name}`}
                  onClick={() => void copy(token, 'headers')}
                >
                  Headers
                </button>
                <button
                  type="button"
                  className="icon-button pin"
                  aria-label={`Pin ${token.name}`}
                  aria-pressed={token.pinned}
                  onClick={() => void pin(token)}
                >
                  <Icon name="pin" />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${token.name}`}
                  title="Remove"
                  onClick={() => setRemoving(token)}
                >
                  <Icon name="close" />
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        Telnyx creates V1 tokens only in its portal.{' '}
        <PortalLink>Create a token in Mission Control</PortalLink>
      </p>
      {adding && <AddTokenDialog onClose={(message) => (setAdding(false), message && announce(message))} />}
      {removing && (
        <Dialog title={`Remove ${removing.name}?`} role="alertdialog" onClose={() => setRemoving(null)}>
          <div className="stack">
            <p>
              Keytray forgets this token and deletes it from your keychain. The token keeps working at Telnyx;
              revoke it in the portal if you no longer need it.
            </p>
            <div className="buttons">
              <button type="button" onClick={() => setRemoving(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                onClick={async () => {
                  const result = await keytray.tokens.remove({ id: removing.id });
                  announce(
                    result.ok ? `Removed ${removing.name}` : result.error.message,
                    result.ok ? 'info' : 'error',
                  );
                  setRemoving(null);
                }}
              >
                Remove token
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </section>
  );
}

function AddTokenDialog({ onClose }: { onClose: (message?: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await keytray.tokens.add({ name, email, token });
    if (result.ok) onClose(`Saved ${result.value.name} in your keychain`);
    else setProblem(result.error.message);
  };
  return (
    <Dialog title="Add V1 token" onClose={() => onClose()}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <label>
          Name
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
        </label>
        <label>
          Account email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="email"
          />
        </label>
        <label>
          Token
          <input
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <ErrorAlert message={problem} />
        <div className="buttons">
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
