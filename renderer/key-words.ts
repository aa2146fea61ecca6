import { calendarDaysUntil, describeExpiry } from '../electron/common/expiry.js';
import type { KeyView } from '../electron/common/models.js';

/**
 * A key's facts in words, for its row and its accessible name. What Telnyx did not say (or said in a way
 * Keytray cannot read) is said as unknown: an empty tag list or a missing expiry is never shown as "no tags"
 * or "never expires" on a guess, and a status word Keytray does not know is never shown as on or off.
 */

const STATUS_WORDS = {
  active: 'Active',
  inactive: 'Disabled',
  expired: 'Expired',
  unknown: 'Status unknown',
} as const;

/** The status badge: "Active", "Disabled", "Expired", "Status unknown". */
export const statusBadgeText = (key: Pick<KeyView, 'status'>) => STATUS_WORDS[key.status];

/** Telnyx's own word behind "Status unknown", when it sent one. */
export const unknownStatusWord = (key: Pick<KeyView, 'status' | 'statusWord'>) =>
  key.status === 'unknown' ? key.statusWord : null;

/** The status in full, for the row's name: the badge, and `Status unknown ("revoked-by-admin")` with Telnyx's word. */
export function statusText(key: Pick<KeyView, 'status' | 'statusWord'>): string {
  const word = unknownStatusWord(key);
  return word ? `${STATUS_WORDS[key.status]} ("${word}")` : STATUS_WORDS[key.status];
}

/** "expires in 5 days", "never expires", or "expiry unknown" when Telnyx's record did not say. */
export function expiryText(key: Pick<KeyView, 'expiresAt' | 'unreadable'>, now: Date): string {
  return key.unreadable.includes('expiresAt') ? 'expiry unknown' : describeExpiry(key.expiresAt, now);
}

/** Whether the key's tags are known: when not, its (empty) tag list says nothing. */
export const tagsKnown = (key: Pick<KeyView, 'unreadable'>) => !key.unreadable.includes('tags');

/**
 * Who the key belongs to: the e-mail; "a member" when Telnyx named only a user id, and someone other than the
 * user of the key Keytray connects with (whose own keys, all a non-owner sees, need no such word on every row);
 * nothing when Telnyx named no one.
 */
export function userText(
  key: Pick<KeyView, 'userEmail' | 'userId'>,
  connectedUserId: string | null,
): string | null {
  if (key.userEmail) return key.userEmail;
  return key.userId && key.userId !== connectedUserId ? 'a member' : null;
}

/** "Jan 30, 2027": a day, in the person's own calendar and language. */
export const dayText = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** "in 40 min", "in 23 h", or "in 30 days" (calendar days, as expiry words count): when a planned disable happens. */
export function disableWhenText(at: string, now: Date): string {
  const minutes = Math.max(0, Math.round((Date.parse(at) - now.getTime()) / 60_000));
  if (minutes >= 48 * 60) return `in ${calendarDaysUntil(at, now)} days`;
  return minutes >= 90 ? `in ${Math.round(minutes / 60)} h` : `in ${minutes} min`;
}

/**
 * What a disable Keytray plans itself (not Telnyx) depends on: said wherever one is offered or made, because
 * a computer that is off on that day does not turn the key off until Keytray starts again.
 */
export const plannedDisableSentence = (at: string, subject = 'this key') =>
  `Keytray turns ${subject} off on ${dayText(at)}. This works only while Keytray is running (or the next time it starts).`;
