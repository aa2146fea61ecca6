import { useState } from 'react';
import type { TokenView } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useAnnounce } from '../hooks/use-announcer.js';
import { useSubmit } from '../hooks/use-submit.js';
import { AddTokenDialog } from './add-token-dialog.js';
import { Dialog } from './dialog.js';
import { Icon } from './icons.js';
import { PortalLink } from './portal-link.js';
import '../styles/tokens.css';

/**
 * V1 tokens: Telnyx has no API for them, so Keytray keeps the ones you paste in (name, account e-mail,
 * token) and copies them as the token or as the `x-api-user`/`x-api-token` header pair.
 */
export function TokensView(props: {
  tokens: TokenView[];
  query: string;
  /** "Hide after copy": a token's Copy hides the popup as a key's Copy does. */
  hideAfterCopy: boolean;
}) {
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
    if (!result.ok) return announce(result.error.message, 'error');
    // As a key's copies: Copy hides the popup (main confirms it where the person looks); Copy headers, like a
    // key's Copy as…, leaves it open to read what was copied.
    if (format === 'token' && props.hideAfterCopy) void keytray.popup.hide();
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
              <div className="token-main">
                <strong className="token-name" title={token.name}>
                  {token.name}
                </strong>
                <span className="user" title={token.email}>
                  {token.email}
                </span>
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
                  title="Copy the x-api-user and x-api-token headers"
                  onClick={() => void copy(token, 'headers')}
                >
                  Copy headers
                </button>
                <button
                  type="button"
                  className="icon-button pin"
                  aria-label={`Pin ${token.name}`}
                  title={token.pinned ? 'Unpin from the tray menu' : 'Pin to the tray menu'}
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
        <RemoveTokenDialog
          token={removing}
          onClose={(message) => {
            setRemoving(null);
            if (message) announce(message);
          }}
        />
      )}
    </section>
  );
}

/** `Remove «name»?`: Keytray forgets the token; it keeps working at Telnyx until revoked in the portal. */
function RemoveTokenDialog(props: { token: TokenView; onClose: (message?: string) => void }) {
  const { busy, run, alert } = useSubmit();
  const { token } = props;
  return (
    <Dialog title="Remove" subject={`${token.name}?`} role="alertdialog" onClose={() => props.onClose()}>
      <div className="stack">
        <p>
          Keytray forgets this token and deletes it from your keychain. The token keeps working at Telnyx;
          revoke it in the portal if you no longer need it.
        </p>
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              void run(
                () => keytray.tokens.remove({ id: token.id }),
                () => props.onClose(`Removed ${token.name}`),
              )
            }
          >
            Remove token
          </button>
        </div>
      </div>
    </Dialog>
  );
}
