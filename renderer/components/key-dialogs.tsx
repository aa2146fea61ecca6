import { useRef, useState, type FormEvent } from 'react';
import type { KeyView } from '../../electron/common/models.js';
import { displayText } from '../../electron/common/text.js';
import { keytray } from '../bridge.js';
import { dayText, expiryText, statusText, tagsKnown, userText } from '../key-words.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';
import { TagInput, type TagInputHandle } from './tag-input.js';
import '../styles/key-facts.css';
import '../styles/secret.css';

export function EditTagsDialog(props: {
  id: string;
  tags: string[];
  suggestions: readonly string[];
  onClose: (message?: string) => void;
}) {
  const [tags, setTags] = useState(props.tags);
  const tagInput = useRef<TagInputHandle>(null);
  const { busy, run, alert } = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A tag typed but not yet added is saved too (or the field says why it can't be).
    const withTyped = tagInput.current ? tagInput.current.commitDraft() : tags;
    if (withTyped === null) return;
    void run(
      () => keytray.keys.setTags({ id: props.id, tags: withTyped }),
      () => props.onClose('Tags saved'),
    );
  };
  return (
    <Dialog title="Edit tags" subject={props.id} onClose={() => props.onClose()}>
      <form onSubmit={submit} className="stack">
        <TagInput ref={tagInput} tags={tags} onChange={setTags} suggestions={props.suggestions} />
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
    <Dialog title="Reveal" subject={props.id} onClose={props.onClose}>
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

/**
 * `Delete «id»?`: the id alone tells staff nothing, so the key is described as they know it — its name, tags,
 * user and expiry — before anything that uses it stops working for good.
 */
export function DeleteKeyDialog(props: {
  item: KeyView;
  now: Date;
  /** The user of the key Keytray connects with: "a member" is said only of someone else's key. */
  connectedUserId: string | null;
  onClose: (message?: string) => void;
}) {
  const { item } = props;
  const { busy, run, alert } = useSubmit();
  const tags = !tagsKnown(item)
    ? 'unknown (Telnyx did not say)'
    : item.tags.length
      ? item.tags.map(displayText).join(', ')
      : 'none';
  const user = userText(item, props.connectedUserId) ?? 'not named by Telnyx';
  const expiry =
    item.expiresAt && !item.unreadable.includes('expiresAt')
      ? `${expiryText(item, props.now)} (${dayText(item.expiresAt)})`
      : expiryText(item, props.now);
  return (
    <Dialog title="Delete" subject={`${item.id}?`} onClose={() => props.onClose()} role="alertdialog">
      <div className="stack">
        <dl className="key-facts" aria-label="The key to delete">
          {item.name && (
            <>
              <dt>Name</dt>
              <dd>{displayText(item.name)}</dd>
            </>
          )}
          <dt>Tags</dt>
          <dd>{tags}</dd>
          <dt>User</dt>
          <dd>{user}</dd>
          <dt>Expiry</dt>
          <dd>{expiry}</dd>
          <dt>Status</dt>
          <dd>{statusText(item)}</dd>
        </dl>
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
                () => keytray.keys.delete({ id: item.id }),
                () =>
                  props.onClose(`Deleted ${item.name ? `${displayText(item.name)} (${item.id})` : item.id}`),
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
