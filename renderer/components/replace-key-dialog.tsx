import { useState } from 'react';
import type { KeyReplaced } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useClipboardTruth, type ClipboardTruth } from '../hooks/use-clipboard-truth.js';
import { useSubmit } from '../hooks/use-submit.js';
import { CreatedOutcome } from './created-outcome.js';
import { Dialog, ErrorAlert } from './dialog.js';
import { PortalLink } from './portal-link.js';

type When = 'now' | 'in-24-hours' | 'later';
const CHOICES: { value: When; label: string; hint: string }[] = [
  { value: 'in-24-hours', label: 'In 24 hours', hint: 'time to move everything to the new key' },
  { value: 'now', label: 'Now', hint: 'anything still using it stops working at once' },
  { value: 'later', label: 'Later', hint: 'keep it on; disable it yourself when ready' },
];

/**
 * Rotation with overlap, in two steps: make the replacement (same tags, same expiry length; saved and
 * copied), then decide when the old key stops working. When the connected key can't turn keys off through the
 * API, the dialog says so and where to do the second step.
 */
export function ReplaceKeyDialog(props: { id: string; onClose: (message?: string) => void }) {
  const [replaced, setReplaced] = useState<KeyReplaced | null>(null);
  const [when, setWhen] = useState<When>('in-24-hours');
  const { busy, run, alert } = useSubmit();
  const clipboard = useClipboardTruth(replaced?.created.key.id ?? '');

  const create = () =>
    run(
      () => keytray.keys.replace({ id: props.id }),
      (value) => {
        setReplaced(value);
        clipboard.copiedByMain(value.clearsInSeconds);
      },
    );

  const finish = async () => {
    if (!replaced || !replaced.canDisableOld)
      return props.onClose(replaced ? `Replaced ${props.id}` : undefined);
    await run(
      () => keytray.keys.scheduleDisable({ id: props.id, replacedBy: replaced.created.key.id, when }),
      () =>
        props.onClose(
          when === 'now'
            ? `Replaced and disabled ${props.id}`
            : when === 'later'
              ? `Replaced ${props.id}; it stays on`
              : `Replaced ${props.id}; it will be disabled in 24 hours`,
        ),
    );
  };

  return (
    <Dialog title="Replace" subject={props.id} onClose={() => props.onClose()}>
      <div className="stack">
        {!replaced ? (
          <>
            <p>
              Keytray creates a new key with the same tags and the same expiry length, saves it in your
              keychain and copies it. The old key keeps working until you choose.
            </p>
            {alert}
            <div className="buttons">
              <button type="button" onClick={() => props.onClose()}>
                Cancel
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
                {busy ? 'Creating…' : 'Create replacement'}
              </button>
            </div>
          </>
        ) : (
          <>
            <ClipboardSentence id={replaced.created.key.id} truth={clipboard.truth} />
            <ErrorAlert message={clipboard.problem} />
            {replaced.created.saved ? (
              <p className="hint">{replaced.created.message}</p>
            ) : (
              <p role="alert" className="error">
                {replaced.created.message}
              </p>
            )}
            <CreatedOutcome created={replaced.created} subject="the new key" />
            {replaced.canDisableOld ? (
              <div role="radiogroup" aria-label="Disable the old key" className="radios column">
                <span className="label" aria-hidden="true">
                  Disable the old key
                </span>
                {CHOICES.map((choice) => (
                  <label key={choice.value} className="radio">
                    <input
                      type="radio"
                      name="disable-old"
                      checked={when === choice.value}
                      onChange={() => setWhen(choice.value)}
                    />
                    {choice.label}
                    <span className="hint"> — {choice.hint}</span>
                  </label>
                ))}
              </div>
            ) : (
              <p className="note">
                With this key, Keytray can't turn keys off: Telnyx doesn't show it the organization's keys.
                Disable the old key in the <PortalLink>Telnyx portal</PortalLink> once nothing uses it.
              </p>
            )}
            {alert}
            <div className="buttons">
              <button type="button" onClick={() => void clipboard.copy()}>
                Copy new key again
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void finish()}>
                Done
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}

/**
 * The replacement is on the clipboard (main copied it as it was made) — until main clears it. Then the sentence
 * says so instead of sending the person to paste nothing; `Copy new key again` puts it back.
 */
function ClipboardSentence(props: { id: string; truth: ClipboardTruth }) {
  const { truth } = props;
  const key = <code className="key-id">{props.id}</code>;
  return (
    // Polite, not a second `status`: the planned-disable line (CreatedOutcome) is the dialog's status.
    <p aria-live="polite">
      {truth.state === 'cleared' ? (
        <>The clipboard has been cleared, so new key {key} is no longer on it. Copy it again to paste it.</>
      ) : (
        <>
          New key {key} is on your clipboard
          {truth.state === 'copied' && truth.clearsInSeconds ? ` for ${truth.clearsInSeconds} s` : ''}. Put it
          wherever the old one is used.
        </>
      )}
    </p>
  );
}
