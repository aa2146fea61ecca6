import { useEffect, useState } from 'react';
import type { KeyScopes, ScopeStatement } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { Dialog, ErrorAlert } from './dialog.js';
import { PortalLink } from './portal-link.js';
import '../styles/hygiene.css';

const EFFECT_WORDS: Record<ScopeStatement['effect'], string> = {
  allow: 'Allows',
  deny: 'Denies',
  unknown: 'Telnyx says something Keytray does not know about',
};

/** The statements in words: none means the key can do everything its user can (Telnyx's rule). */
function Statements({ scopes }: { scopes: KeyScopes }) {
  if (scopes.statements === null)
    return (
      <p>
        Keytray could not read the permissions Telnyx sent for this key.{' '}
        <PortalLink>See them in the portal</PortalLink>.
      </p>
    );
  if (scopes.statements.length === 0) return <p>No restrictions: this key can do everything its user can.</p>;
  return (
    <ul className="scope-statements" aria-label="Permission statements">
      {scopes.statements.map((statement, i) => (
        <li key={i} className={`scope-${statement.effect}`}>
          <strong>{EFFECT_WORDS[statement.effect]}</strong>{' '}
          {statement.actions.length === 0 ? (
            'no actions'
          ) : (
            <span className="scope-actions">
              {statement.actions.map((action) => (
                <code key={action}>{action}</code>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * `Permissions…`, read-only: what Telnyx says a key may do (its scope statements) and whether IAM is on for the
 * organization, without which no statement is enforced. Changing them is the portal's (a link says so).
 */
export function KeyScopesDialog(props: { id: string; onClose: () => void }) {
  const [scopes, setScopes] = useState<KeyScopes | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void keytray.keys.scopes({ id: props.id }).then((result) => {
      if (!current) return;
      if (result.ok) setScopes(result.value);
      else setProblem(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [props.id]);

  return (
    <Dialog title="Permissions" subject={props.id} onClose={props.onClose}>
      <div className="stack">
        {scopes === null && problem === null && <p role="status">Asking Telnyx…</p>}
        <ErrorAlert message={problem} />
        {scopes && (
          <>
            {scopes.iam === 'off' && (
              <p role="note" className="warning">
                IAM is off for this organization, so these restrictions are not enforced: every key can do
                everything its user can.
              </p>
            )}
            <Statements scopes={scopes} />
            {scopes.iam === 'unknown' && (
              <p className="hint">
                Telnyx did not say whether IAM is on; restrictions are enforced only while it is.
              </p>
            )}
            <p className="hint">
              Read-only. <PortalLink>Change permissions in the Telnyx portal</PortalLink>.
            </p>
          </>
        )}
        <div className="buttons">
          <button type="button" className="primary" onClick={props.onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
