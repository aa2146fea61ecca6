import { useEffect, useRef } from 'react';
import type { KeyCreated } from '../../electron/common/models.js';
import { clipboardSentence, useClipboardTruth } from '../hooks/use-clipboard-truth.js';
import { CreatedOutcome, type LeftOff } from './created-outcome.js';
import { Dialog, ErrorAlert } from './dialog.js';
import '../styles/dialog-copy.css';

/**
 * `Key created`, for someone who will paste the key into another service (Zapier, a CRM): Copy is the first and
 * main action, and the id is said to be only the key's name — pasted instead of the key, it fails. The secret
 * never comes to the popup: Copy asks main to put it on the clipboard, and the dialog says when it has been
 * cleared again.
 */
export function KeyCreatedDialog(props: {
  created: KeyCreated;
  leftOff: LeftOff;
  canDisableKeys: boolean;
  onClose: () => void;
}) {
  const { created } = props;
  const { truth, copy, problem } = useClipboardTruth(created.key.id);
  const copyButton = useRef<HTMLButtonElement>(null);
  // The dialog opens on its main action: Enter copies.
  useEffect(() => copyButton.current?.focus(), []);
  const said = clipboardSentence(truth, 'The new key');
  return (
    <Dialog title="Key created" onClose={props.onClose}>
      <div className="stack">
        <p>Copy the new key now and paste it where it is needed, for example in Zapier.</p>
        {!created.saved && (
          <p role="alert" className="error">
            {created.message}
          </p>
        )}
        <div className="buttons start">
          <button type="button" className="primary" ref={copyButton} onClick={() => void copy()}>
            {truth.state === 'not-copied' ? 'Copy key' : 'Copy key again'}
          </button>
        </div>
        {/* Polite, not a second `status`: the planned-disable line below is the dialog's status. */}
        <p aria-live="polite" className={truth.state === 'cleared' ? 'note' : 'hint'}>
          {said}
        </p>
        <ErrorAlert message={problem} />
        <p className="hint">
          The id only names the key in lists and in the Telnyx portal; it does not work in place of the key.
          Id: <code className="key-id">{created.key.id}</code>
        </p>
        {created.saved && <p className="hint">{created.message}</p>}
        <CreatedOutcome created={created} leftOff={props.leftOff} canDisableKeys={props.canDisableKeys} />
        <div className="buttons">
          <button type="button" onClick={props.onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
