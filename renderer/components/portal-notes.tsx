import type { Capabilities } from '../../electron/common/models.js';
import { PortalLink } from './portal-link.js';

/** What this account cannot do from Keytray, as a sentence with the portal link instead of a dead button. */
export function PortalNotes({ capabilities, mode }: { capabilities: Capabilities; mode: 'telnyx' | 'demo' }) {
  const notes: string[] = [];
  if (!capabilities.isOwner) {
    // What the key can't do, not who the person is: Keytray only knows what Telnyx's API let this key do.
    notes.push(
      "With this key, Keytray can't turn keys on or off: Telnyx doesn't show it the organization's keys.",
    );
    if (capabilities.listOwn === 'unavailable')
      notes.push(
        "Telnyx doesn't list this key's own keys to Keytray either, so you see the keys Keytray holds.",
      );
    if (capabilities.deleteOwn === 'unavailable') notes.push('Deleting keys is done in the portal.');
  }
  if (capabilities.editTags === 'unavailable')
    notes.push("Telnyx doesn't let Keytray change the tags of existing keys.");
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
