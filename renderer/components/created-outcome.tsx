import { useState } from 'react';
import type { KeyCreated } from '../../electron/common/models.js';
import { displayText } from '../../electron/common/text.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { dayText, plannedDisableSentence } from '../key-words.js';
import { PortalLink } from './portal-link.js';
import '../styles/created-outcome.css';

/** What the person chose to leave off after Telnyx refused it ("Create without tags/expiry"). */
export type LeftOff = { tags: string[]; expiresAt: string | null };
export const NOTHING_LEFT_OFF: LeftOff = { tags: [], expiresAt: null };

const tagsWords = (tags: readonly string[]) => `tags ${tags.map(displayText).join(', ')}`;
const expiryWords = (at: string) => `expiry ${dayText(at)}`;

/** "the tags", "the expiry date", "the tags and the expiry date". */
function fieldsWords(tags: boolean, expiry: boolean, joiner: 'and' | 'or'): string {
  return [tags && 'the tags', expiry && 'the expiry date'].filter(Boolean).join(` ${joiner} `);
}

/**
 * After a create (or a replacement): what Telnyx did not apply, what it did not say it applied, and what the
 * person left off, each with the requested values kept visible as "requested" and the portal link; then, when
 * the expiry did not (or may not) take, `Disable on «date»`, which Keytray then does itself while it runs.
 * Nothing here guesses: a key Telnyx said nothing about is never described as having no tags or no expiry.
 */
export function CreatedOutcome(props: {
  created: KeyCreated;
  /** Left off by the person after a refusal (the create dialog only). */
  leftOff?: LeftOff;
  /** The connected key can turn keys off through the API: Keytray may disable this one on a date. */
  canDisableKeys?: boolean;
  /** How the sentences name the key: "the new key" beside a replaced one. */
  subject?: string;
}) {
  const subject = props.subject ?? 'this key';
  const { created } = props;
  const leftOff = props.leftOff ?? NOTHING_LEFT_OFF;
  const notTags = created.notApplied?.tags ?? [];
  const notExpiry = created.notApplied?.expiresAt ?? null;
  const unsureTags = created.unconfirmed.includes('tags') && created.requested.tags.length > 0;
  const unsureExpiry = created.unconfirmed.includes('expiresAt') && created.requested.expiresAt !== null;
  const disableAt =
    (created.canDisableOnExpiry ? created.requested.expiresAt : null) ??
    (props.canDisableKeys ? leftOff.expiresAt : null);

  const said =
    notTags.length > 0 ||
    notExpiry !== null ||
    unsureTags ||
    unsureExpiry ||
    leftOff.tags.length > 0 ||
    leftOff.expiresAt !== null;
  return (
    <>
      {(notTags.length > 0 || notExpiry !== null) && (
        <div className="warning outcome">
          <p>
            Telnyx did not apply {fieldsWords(notTags.length > 0, notExpiry !== null, 'and')} you asked for.
          </p>
          <p>
            Requested:{' '}
            {[notTags.length > 0 && tagsWords(notTags), notExpiry && expiryWords(notExpiry)]
              .filter(Boolean)
              .join('; ')}
            .
          </p>
        </div>
      )}
      {(unsureTags || unsureExpiry) && (
        <div className="note outcome">
          <p>
            Telnyx did not say whether it applied {fieldsWords(unsureTags, unsureExpiry, 'or')} you asked for.
          </p>
          <p>
            Requested:{' '}
            {[
              unsureTags && tagsWords(created.requested.tags),
              unsureExpiry && created.requested.expiresAt && expiryWords(created.requested.expiresAt),
            ]
              .filter(Boolean)
              .join('; ')}
            .
          </p>
        </div>
      )}
      {(leftOff.tags.length > 0 || leftOff.expiresAt !== null) && (
        <p className="note outcome">
          Created without {fieldsWords(leftOff.tags.length > 0, leftOff.expiresAt !== null, 'and')}, as you
          chose. Requested:{' '}
          {[
            leftOff.tags.length > 0 && tagsWords(leftOff.tags),
            leftOff.expiresAt && expiryWords(leftOff.expiresAt),
          ]
            .filter(Boolean)
            .join('; ')}
          .
        </p>
      )}
      {said && (
        <p className="hint">
          <PortalLink>Check {subject === 'this key' ? 'the key' : subject} in the Telnyx portal</PortalLink>
        </p>
      )}
      {disableAt && <DisableOnDate id={created.key.id} at={disableAt} subject={subject} />}
    </>
  );
}

/** `Disable on «date»`: a planned disable, the one a replacement uses, on the date the person asked for. */
function DisableOnDate({ id, at, subject }: { id: string; at: string; subject: string }) {
  const [planned, setPlanned] = useState(false);
  const { busy, run, alert } = useSubmit();
  const plan = () =>
    run(
      () => keytray.keys.planDisable({ id, at }),
      () => setPlanned(true),
    );
  if (planned)
    return (
      <p role="status" className="note outcome">
        {plannedDisableSentence(at, subject)}
      </p>
    );
  return (
    <div className="outcome">
      <p className="hint">
        Keytray itself can turn {subject} off on {dayText(at)}. This works only while Keytray is running (or
        the next time it starts).
      </p>
      {alert}
      <button type="button" disabled={busy} onClick={() => void plan()}>
        Disable on {dayText(at)}
      </button>
    </div>
  );
}
