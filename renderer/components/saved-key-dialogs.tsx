import { useState, type FormEvent } from 'react';
import type { KeyView } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { useCopyInDialog } from './copy-in-dialog.js';
import { Dialog, ErrorAlert } from './dialog.js';

/**
 * `Save the full key` (a key Keytray holds no full key for) and `Change saved key…` (replace the one it
 * holds). Main checks the paste with Telnyx first: a wrong key is refused (the alert says so, nothing is
 * saved, the dialog stays open). When Telnyx can't confirm it — a disabled or expired key, or Telnyx out of
 * reach — main says why and saves only if the person then chooses "Save without checking" for that same
 * paste. Cancel saves nothing.
 */
export function SaveFullKeyDialog(props: {
  id: string;
  mode: 'save' | 'change';
  onClose: (message?: string) => void;
}) {
  const { id, mode } = props;
  const [value, setValue] = useState('');
  /** Why Telnyx could not confirm the paste now in the field; cleared as soon as the paste changes. */
  const [unchecked, setUnchecked] = useState<string | null>(null);
  const { busy, run, alert } = useSubmit();
  const change = mode === 'change';

  const send = (confirmUnchecked: boolean) => {
    const payload = { id, value, ...(confirmUnchecked ? { confirmUnchecked: true } : {}) };
    void run(
      () => (change ? keytray.keys.changeSecret(payload) : keytray.keys.saveSecret(payload)),
      (answer) => {
        if (answer.outcome === 'unchecked') return setUnchecked(answer.reason);
        props.onClose(change ? `Replaced the saved full key of ${id}` : `Saved the full key of ${id}`);
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(false);
  };

  return (
    <Dialog
      title={change ? 'Change saved key' : 'Save the full key'}
      subject={id}
      onClose={() => props.onClose()}
    >
      <form onSubmit={submit} className="stack">
        <p className="hint">
          {change
            ? 'Paste the new full key. Keytray checks it with Telnyx, then it replaces the one Keytray holds now, which is not kept.'
            : 'Paste the full key: this id, an underscore, then the secret. Keytray checks it with Telnyx, then keeps it in your system keychain so you can copy it later.'}
        </p>
        <label>
          Full key
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setUnchecked(null);
            }}
            required
          />
        </label>
        {unchecked && (
          <div role="alert" className="warning">
            {unchecked} Save it only if you are sure.
          </div>
        )}
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          {unchecked ? (
            <button type="button" className="primary" disabled={busy} onClick={() => send(true)}>
              Save without checking
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Checking…' : change ? 'Check and replace' : 'Check and save'}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}

/**
 * `Forget saved key…`: Keytray deletes its copy of a full key. Telnyx shows a full key only once, so the
 * dialog says so and offers Copy before Forget. Never offered for the key Keytray itself connects with.
 */
export function ForgetSavedKeyDialog(props: { item: KeyView; onClose: (message?: string) => void }) {
  const { id, unsaved } = props.item;
  const { busy, run, alert } = useSubmit();
  const copier = useCopyInDialog();
  return (
    <Dialog title="Forget saved key?" subject={id} onClose={() => props.onClose()}>
      <div className="stack">
        <p>
          Keytray deletes its copy of this full key. The key keeps working at Telnyx, but Telnyx shows a full
          key only once: after this, nobody can fetch it again.
        </p>
        {unsaved && (
          <p className="warning">
            It is not in your keychain either — Keytray holds it only in memory — so after Forget it is gone.
          </p>
        )}
        <p className="hint">Copy it first if anything may still need it.</p>
        {copier.status}
        <ErrorAlert message={copier.problem} />
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="button" onClick={() => void copier.copy(id)}>
            Copy key
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              void run(
                () => keytray.keys.forgetSecret({ id }),
                () => props.onClose(`Forgot the saved full key of ${id}`),
              )
            }
          >
            Forget
          </button>
        </div>
      </div>
    </Dialog>
  );
}
