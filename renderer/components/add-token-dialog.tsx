import { useId, useState, type FormEvent } from 'react';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';
import { PortalLink } from './portal-link.js';

/**
 * `Add V1 token`: what each field is for is said under it, since staff meet V1 tokens rarely. The token goes
 * to the keychain through main; the popup never gets it back.
 */
export function AddTokenDialog({ onClose }: { onClose: (message?: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [token, setToken] = useState('');
  const { busy, run, alert } = useSubmit();
  const ids = { name: useId(), email: useId(), token: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => keytray.tokens.add({ name, email, token }),
      (saved) => onClose(`Saved ${saved.name} in your keychain`),
    );
  };
  return (
    <Dialog title="Add V1 token" onClose={() => onClose()}>
      <form className="stack" onSubmit={submit}>
        <label>
          Name
          <input
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={64}
            aria-describedby={ids.name}
          />
        </label>
        <p className="hint field-hint" id={ids.name}>
          Yours to choose, to find it again: what it is for, like “Billing reports”.
        </p>
        <label>
          Account email
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="email"
            aria-describedby={ids.email}
          />
        </label>
        <p className="hint field-hint" id={ids.email}>
          The e-mail you sign in to Telnyx with. V1 requests send it beside the token.
        </p>
        <label>
          Token
          <input
            type="password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.token}
          />
        </label>
        <p className="hint field-hint" id={ids.token}>
          The V1 API token from <PortalLink>Mission Control</PortalLink>. Kept in your system keychain, never
          shown again.
        </p>
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
