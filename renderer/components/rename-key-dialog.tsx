import { useId, useState, type FormEvent } from 'react';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';

/** As long as a tray label: the name is what the tray menu shows. */
export const MAX_KEY_NAME = 40;

/**
 * `Rename…`: a name for the key on this computer ("Zapier integration"), since Telnyx keeps only tags. Shown
 * first in the row, searched, and used in the tray menu, the reminders and the calendar. Empty removes it.
 */
export function RenameKeyDialog(props: {
  id: string;
  name: string | null;
  onClose: (message?: string) => void;
}) {
  const [name, setName] = useState(props.name ?? '');
  const { busy, run, alert } = useSubmit();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = name.trim();
    void run(
      () => keytray.keys.rename({ id: props.id, name: chosen || null }),
      () => props.onClose(chosen ? `Named ${props.id} “${chosen}”` : `Removed the name of ${props.id}`),
    );
  };
  return (
    <Dialog title="Rename" subject={props.id} onClose={() => props.onClose()}>
      <form className="stack" onSubmit={submit}>
        <label>
          Name
          <input
            type="text"
            value={name}
            maxLength={MAX_KEY_NAME}
            placeholder="What it is for, like “Zapier integration”"
            aria-describedby={hintId}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <p className="hint" id={hintId}>
          Kept on this computer only: Telnyx keeps tags, not names. Shown first in the list, the tray menu,
          reminders and the calendar. Leave it empty to remove the name.
        </p>
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save name
          </button>
        </div>
      </form>
    </Dialog>
  );
}
