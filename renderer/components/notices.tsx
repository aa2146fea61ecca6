import type { Capabilities, KeyList, KeyView } from '../../electron/common/models.js';
import { PortalLink } from './portal-link.js';

/** Offline, expiring keys, and a narrowed list: said in words, each with the one action that helps. */
export function StatusBanners(props: {
  list: KeyList | null;
  expiring: KeyView[];
  onlyIds: { ids: Set<string>; why: string; fromReminder?: boolean } | null;
  onShowExpiring: () => void;
  onClearOnly: () => void;
  onSnooze: (until: 'tomorrow' | 'next-lead-time') => void;
}) {
  const synced = props.list?.syncedAt ? new Date(props.list.syncedAt).toLocaleString() : null;
  return (
    <>
      {props.list?.offline && (
        <div role="status" className="banner offline">
          Offline — Telnyx can't be reached.{' '}
          {synced ? `Showing the list from ${synced}.` : 'Showing what Keytray last saw.'}
        </div>
      )}
      {props.onlyIds ? (
        <div role="status" className="banner filter">
          Showing {props.onlyIds.why}.
          <span>
            {props.onlyIds.fromReminder && (
              <>
                <button type="button" className="text-button" onClick={() => props.onSnooze('tomorrow')}>
                  Snooze for a day
                </button>
                <button
                  type="button"
                  className="text-button"
                  onClick={() => props.onSnooze('next-lead-time')}
                >
                  Until the next reminder
                </button>
              </>
            )}
            <button type="button" className="text-button" onClick={props.onClearOnly}>
              Show all keys
            </button>
          </span>
        </div>
      ) : (
        props.expiring.length > 0 && (
          <div role="status" className="banner expiring">
            {props.expiring.length === 1 ? '1 key expires' : `${props.expiring.length} keys expire`} within a
            week.
            <button type="button" className="text-button" onClick={props.onShowExpiring}>
              Show
            </button>
          </div>
        )
      )}
    </>
  );
}

/** What this account cannot do through the API, as a sentence with the portal link instead of a dead button. */
export function PortalNotes({ capabilities, mode }: { capabilities: Capabilities; mode: 'telnyx' | 'demo' }) {
  const notes: string[] = [];
  if (!capabilities.isOwner) {
    // What the key can't do, not who the person is: Keytray only knows what Telnyx's API let this key do.
    notes.push(
      "This key can't turn keys on or off through Telnyx's API: the organization's key list is not available to it.",
    );
    if (capabilities.listOwn === 'unavailable')
      notes.push("Telnyx's API does not list this key's own keys either, so you see the keys Keytray holds.");
    if (capabilities.deleteOwn === 'unavailable') notes.push('Deleting keys is done in the portal.');
  }
  if (capabilities.editTags === 'unavailable')
    notes.push("Telnyx's API does not let Keytray edit tags of existing keys.");
  if (notes.length === 0)
    return mode === 'demo' ? (
      <p className="note">Demo account: simulated keys, nothing reaches Telnyx.</p>
    ) : null;
  return (
    <p className="note">
      {notes.join(' ')} <PortalLink>Do it in the Telnyx portal</PortalLink>.
    </p>
  );
}
