import type { KeyCreated, RequestedKey, UnreadableField } from '../../common/models.js';
import type { KeyRecord } from '../telnyx/unverified.js';

/**
 * How far an expiry Telnyx reports may sit from the one asked for and still count as applied: Telnyx may keep
 * only the date, or round to its own day boundary.
 */
export const EXPIRY_TOLERANCE_MS = 86_400_000;

export type CreatedCheck = Pick<KeyCreated, 'notApplied' | 'unconfirmed'>;

/**
 * Whether Telnyx applied what a new key was asked to carry. The create body's field names are a guess
 * (`UNVERIFIED.createBody`): Telnyx may ignore them, so Keytray compares what it asked with what Telnyx then
 * reports, and the popup says so in plain words instead of showing tags or an expiry the key does not have.
 */
export function checkCreated(requested: RequestedKey, record: KeyRecord): CreatedCheck {
  const notApplied: NonNullable<KeyCreated['notApplied']> = {};
  const unconfirmed: UnreadableField[] = [];
  if (requested.tags.length > 0) {
    if (record.unreadable.includes('tags')) unconfirmed.push('tags');
    else {
      const left = requested.tags.filter((tag) => !record.tags.includes(tag));
      if (left.length > 0) notApplied.tags = left;
    }
  }
  if (requested.expiresAt !== null) {
    if (record.unreadable.includes('expiresAt')) unconfirmed.push('expiresAt');
    else if (
      record.expiresAt === null ||
      Math.abs(Date.parse(record.expiresAt) - Date.parse(requested.expiresAt)) > EXPIRY_TOLERANCE_MS
    ) {
      notApplied.expiresAt = requested.expiresAt;
    }
  }
  return { notApplied: Object.keys(notApplied).length > 0 ? notApplied : null, unconfirmed };
}
