import { useCallback, useState } from 'react';
import { shortKeyId } from '../../electron/common/key-id.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { ErrorAlert } from './error-alert.js';
import '../styles/unsaved-keys.css';

/**
 * Copy from inside a dialog that is about to make a full key go away (Forget, Disconnect, Quit). Unlike the
 * list's Copy it never hides the popup — the person is mid-decision — and it confirms inside the dialog: the
 * popup's own live region sits behind the modal dialog, where nobody looks and screen readers don't go.
 */
export function useCopyInDialog() {
  const [copied, setCopied] = useState<string | null>(null);
  const { run, problem } = useSubmit();
  const copy = useCallback(
    (id: string) =>
      run(
        () => keytray.keys.copy({ id, format: 'raw' }),
        // The short id, as the dialog lists it: one line in a small popup.
        ({ clearsInSeconds }) =>
          setCopied(
            `Copied ${shortKeyId(id)}${clearsInSeconds ? `; the clipboard clears in ${clearsInSeconds} s` : ''}.`,
          ),
        () => setCopied(null),
      ),
    [run],
  );
  const status = (
    <p role="status" className="hint">
      {copied}
    </p>
  );
  return { copy, copied, problem, status };
}

/**
 * The full keys that exist only in memory, each with its Copy button. Short ids keep each on one line in a
 * small popup; the button's name carries the whole id. A long list scrolls inside, so the dialog's own
 * buttons stay in view.
 */
export function UnsavedKeyList(props: { keyIds: readonly string[]; onCopy: (id: string) => void }) {
  return (
    <ul className="unsaved-keys" aria-label="Full keys held only in memory">
      {props.keyIds.map((id) => (
        <li key={id}>
          <code className="key-id" title={id}>
            {shortKeyId(id)}
          </code>
          <button type="button" aria-label={`Copy ${id}`} onClick={() => props.onCopy(id)}>
            Copy
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The full keys a dialog is about to make go away (Disconnect, Remove account, Quit): what happens to them in
 * the dialog's own words (`said`), each with Copy, and what the copy did. Nothing when there are none.
 */
export function UnsavedKeysToCopy(props: { keyIds: readonly string[]; said: string; warning?: boolean }) {
  const copier = useCopyInDialog();
  if (props.keyIds.length === 0) return null;
  return (
    <>
      <p className={props.warning ? 'warning' : undefined}>{props.said}</p>
      <UnsavedKeyList keyIds={props.keyIds} onCopy={(id) => void copier.copy(id)} />
      {copier.status}
      <ErrorAlert message={copier.problem} />
    </>
  );
}
