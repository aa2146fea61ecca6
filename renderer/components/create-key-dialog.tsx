import { useId, useRef, useState, type FormEvent } from 'react';
import {
  EXPIRY_PRESET_DAYS,
  expiryFromLocalDate,
  expiryFromPreset,
} from '../../electron/common/expiry-input.js';
import type { KeyCreated, RequestedKey } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { NOTHING_LEFT_OFF, type LeftOff } from './created-outcome.js';
import { Dialog } from './dialog.js';
import { KeyCreatedDialog } from './key-created-dialog.js';
import { TagInput, type TagInputHandle } from './tag-input.js';

type Expiration = 'none' | `${(typeof EXPIRY_PRESET_DAYS)[number]}` | 'custom';

const OPTIONS: { value: Expiration; label: string }[] = [
  { value: 'none', label: 'No expiration' },
  ...EXPIRY_PRESET_DAYS.map((days) => ({ value: `${days}` as Expiration, label: `${days} days` })),
  { value: 'custom', label: 'Custom date' },
];

/**
 * The first day a custom expiry may be (`YYYY-MM-DD`, the person's own calendar): tomorrow. A key that ends
 * today would last only hours; a past date would be refused by Telnyx after the person filled in the rest.
 */
export function earliestCustomExpiry(now: Date): string {
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}`;
}

/** Telnyx refused one field of this request: nothing was created; the person may leave that field off. */
type Refusal = { field: 'tags' | 'expiry'; request: RequestedKey };

/**
 * Creating a key, in plain words: tags (suggested from those in use), an expiry (90 days unless the person
 * picks otherwise), then `Key created` with a Copy button. The secret never comes to the popup: Copy asks
 * main to put it on the clipboard. When Telnyx refuses the tags or the expiry, nothing was created, and
 * `Create without tags` / `Create without expiry` is one deliberate click: Keytray never retries by itself.
 */
export function CreateKeyDialog(props: {
  suggestions: readonly string[];
  /** The connected key can turn keys off through the API: a key created without its expiry may be disabled on that date. */
  canDisableKeys: boolean;
  onClose: () => void;
}) {
  const [tags, setTags] = useState<string[]>([]);
  const [expiration, setExpiration] = useState<Expiration>('90');
  const [customDate, setCustomDate] = useState('');
  const { busy, run, alert, fail } = useSubmit();
  const [created, setCreated] = useState<KeyCreated | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [leftOff, setLeftOff] = useState<LeftOff>(NOTHING_LEFT_OFF);
  const groupLabel = useId();
  const tagInput = useRef<TagInputHandle>(null);
  // Read when the dialog opens: the popup's clock (tests move it) and the person's calendar.
  const [earliest] = useState(() => earliestCustomExpiry(new Date()));

  const send = (request: RequestedKey, left: LeftOff) =>
    run(
      () => {
        setRefusal(null);
        setLeftOff(left);
        return keytray.keys.create(request);
      },
      setCreated,
      (error) => {
        if (error.code === 'tags-refused') setRefusal({ field: 'tags', request });
        else if (error.code === 'expiry-refused') setRefusal({ field: 'expiry', request });
      },
    );

  /** The refused request again, without the refused field; what was left off stays on record for `Key created`. */
  const createWithout = (refused: Refusal) =>
    refused.field === 'tags'
      ? send({ ...refused.request, tags: [] }, { ...leftOff, tags: refused.request.tags })
      : send({ ...refused.request, expiresAt: null }, { ...leftOff, expiresAt: refused.request.expiresAt });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A tag typed but not yet added (no Enter, no comma) is the person's too: added now, or the problem shown.
    const withTyped = tagInput.current ? tagInput.current.commitDraft() : tags;
    if (withTyped === null) return;
    let expiresAt: string | null = null;
    if (expiration === 'custom') {
      expiresAt = expiryFromLocalDate(customDate);
      if (!expiresAt) return fail('Pick the date the key should stop working.');
      // The picker's minimum stops most of these; a date typed past it is caught here.
      if (customDate < earliest) return fail('Pick a date from tomorrow on.');
    } else if (expiration !== 'none') {
      expiresAt = expiryFromPreset(new Date(), Number(expiration));
    }
    await send({ tags: withTyped, expiresAt }, NOTHING_LEFT_OFF);
  };

  if (created)
    return (
      <KeyCreatedDialog
        created={created}
        leftOff={leftOff}
        canDisableKeys={props.canDisableKeys}
        onClose={props.onClose}
      />
    );

  return (
    <Dialog title="Create API key" onClose={props.onClose}>
      <form onSubmit={(event) => void submit(event)} className="stack">
        <p className="hint">
          A new key can do everything your account can. You will see it once; Keytray keeps it in your system
          keychain.
        </p>
        <TagInput ref={tagInput} tags={tags} onChange={setTags} suggestions={props.suggestions} />
        <div role="radiogroup" aria-labelledby={groupLabel} className="radios">
          <span id={groupLabel} className="label">
            Expiration
          </span>
          {OPTIONS.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name="expiration"
                value={option.value}
                checked={expiration === option.value}
                onChange={() => setExpiration(option.value)}
              />
              {option.label}
            </label>
          ))}
        </div>
        {expiration === 'custom' && (
          <label>
            Expiration date
            <input
              type="date"
              min={earliest}
              value={customDate}
              onChange={(event) => setCustomDate(event.target.value)}
              required
            />
          </label>
        )}
        {expiration === 'none' && (
          <p className="warning">
            A key without an expiry date works until someone deletes it. Choose a date if you can.
          </p>
        )}
        {alert}
        {refusal && (
          <div className="buttons">
            <button type="button" disabled={busy} onClick={() => void createWithout(refusal)}>
              {refusal.field === 'tags' ? 'Create without tags' : 'Create without expiry'}
            </button>
          </div>
        )}
        <div className="buttons">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
