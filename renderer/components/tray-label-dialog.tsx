import { useState, type FormEvent } from 'react';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';

/**
 * `Tray label…`: what the tray menu says for a pinned key ("Copy Owner key"). Empty goes back to the default:
 * the key's name (`Rename…`), or its first tag and the end of its id.
 */
export function TrayLabelDialog(props: {
  id: string;
  label: string | null;
  onClose: (message?: string) => void;
}) {
  const [label, setLabel] = useState(props.label ?? '');
  const { busy, run, alert } = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = label.trim();
    void run(
      () => keytray.keys.pin({ id: props.id, pinned: true, label: chosen || null }),
      () => props.onClose(`The tray menu now shows Copy ${chosen || 'with the default name'}`),
    );
  };
  return (
    <Dialog title="Tray label" subject={props.id} onClose={() => props.onClose()}>
      <form className="stack" onSubmit={submit}>
        <label>
          Label
          <input
            type="text"
            value={label}
            maxLength={40}
            placeholder="Its name, or first tag and end of id"
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <p className="hint">
          The tray menu shows “Copy {label.trim() || '…'}”. Leave it empty for the default.
        </p>
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save label
          </button>
        </div>
      </form>
    </Dialog>
  );
}
