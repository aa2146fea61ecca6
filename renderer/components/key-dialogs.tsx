import { useState, type FormEvent } from 'react';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';
import { TagInput } from './tag-input.js';

export function EditTagsDialog(props: {
  id: string;
  tags: string[];
  suggestions: readonly string[];
  onClose: (message?: string) => void;
}) {
  const [tags, setTags] = useState(props.tags);
  const { busy, run, alert } = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => keytray.keys.setTags({ id: props.id, tags }),
      () => props.onClose('Tags saved'),
    );
  };
  return (
    <Dialog title={`Edit tags ${props.id}`} onClose={() => props.onClose()}>
      <form onSubmit={submit} className="stack">
        <TagInput tags={tags} onChange={setTags} suggestions={props.suggestions} />
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save tags
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The one place a stored secret reaches the popup, after a second, explicit click. */
export function RevealDialog(props: { id: string; onClose: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const { busy, run, alert } = useSubmit();
  return (
    <Dialog title={`Reveal ${props.id}`} onClose={props.onClose}>
      <div className="stack">
        <p>
          The full key will show on screen. Make sure nobody is looking over your shoulder or sharing your
          screen.
        </p>
        {secret ? (
          // Hidden from screen readers: a secret should not be read aloud (keepassxc#1920).
          <output className="secret" aria-hidden="true">
            {secret}
          </output>
        ) : null}
        {secret && <p className="hint">Shown on screen only; a screen reader will not read it aloud.</p>}
        {alert}
        <div className="buttons">
          {!secret && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => keytray.keys.reveal({ id: props.id }),
                  (v) => setSecret(v.secret),
                )
              }
            >
              Show key
            </button>
          )}
          <button type="button" onClick={props.onClose}>
            {secret ? 'Hide and close' : 'Cancel'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function DeleteKeyDialog(props: { id: string; onClose: (message?: string) => void }) {
  const { busy, run, alert } = useSubmit();
  return (
    <Dialog title={`Delete ${props.id}?`} onClose={() => props.onClose()} role="alertdialog">
      <div className="stack">
        <p>Anything that uses this key stops working at once. Deleting cannot be undone.</p>
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
                () => keytray.keys.delete({ id: props.id }),
                () => props.onClose(`Deleted ${props.id}`),
              )
            }
          >
            Delete key
          </button>
        </div>
      </div>
    </Dialog>
  );
}
