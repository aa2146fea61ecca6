/** Expiry maths shared by the popup, the tray and the reminders. All dates are ISO-8601 strings in UTC. */

const DAY_MS = 86_400_000;

const parsedExpiry = new WeakMap<object, { text: string; at: number }>();
/**
 * A key's expiry as a time (null: it never expires, or it is unknown), parsed once per key object: lists of
 * 10,000 keys are counted and ordered on every change, and their keys rarely change (main keeps the records
 * of unchanged keys, the popup the views). Checked against the text, should an object ever change.
 */
export function expiryTime(key: { expiresAt: string | null }): number | null {
  const text = key.expiresAt;
  if (text === null) return null;
  const hit = parsedExpiry.get(key);
  if (hit?.text === text) return hit.at;
  const at = Date.parse(text);
  parsedExpiry.set(key, { text, at });
  return at;
}

export function isExpired(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
}

/**
 * Whole calendar days from `now` to `expiresAt` in the given time zone offset-free sense: the number of
 * local midnights crossed. 0 = expires today, 1 = tomorrow, negative = already past.
 */
export function calendarDaysUntil(expiresAt: string, now: Date): number {
  return localDay(Date.parse(expiresAt)) - localDay(now.getTime());
}

/**
 * Which local calendar day an instant falls on, as a day number (days since 1970-01-01 on the wall clock): the
 * instant moved by the zone's offset at that instant. Two of these differ by the local midnights between them,
 * whatever daylight-saving change lies there.
 */
function localDay(at: number): number {
  return Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / DAY_MS);
}

/** "expires in 5 days", "expires today", "expired 2 days ago", "never expires". */
export function describeExpiry(expiresAt: string | null, now: Date): string {
  if (expiresAt === null) return 'never expires';
  const days = calendarDaysUntil(expiresAt, now);
  if (isExpired(expiresAt, now)) {
    if (days === 0) return 'expired today';
    const ago = -days;
    return ago === 1 ? 'expired yesterday' : `expired ${ago} days ago`;
  }
  if (days === 0) return 'expires today';
  if (days === 1) return 'expires tomorrow';
  return `expires in ${days} days`;
}

/** Keys that expire within this many days count as "expiring soon" in the tray and the banner. */
export const EXPIRING_SOON_DAYS = 7;

export function isExpiringSoon(expiresAt: string | null, now: Date): boolean {
  if (expiresAt === null || isExpired(expiresAt, now)) return false;
  return calendarDaysUntil(expiresAt, now) <= EXPIRING_SOON_DAYS;
}

/**
 * How long an expired key stays news: the reminders announce it once, and the tray and the banner count it,
 * for this long after it expired. Older expired keys are only listed (last, in red): a badge that no action
 * can clear (an expired key cannot be turned off) would teach people to ignore it.
 */
export const EXPIRED_NEWS_DAYS = 7;
const EXPIRED_NEWS_MS = EXPIRED_NEWS_DAYS * DAY_MS;

/**
 * The horizon of "needs attention", in calendar days: the earliest reminder the person chose (their longest
 * lead time, when the first notification comes), or a week when they turned reminders off. The tray, the
 * banner and the grouped reminder all count with it, and name it wherever a number appears.
 */
export function attentionHorizonDays(leadDays: readonly number[]): number {
  return leadDays.length > 0 ? Math.max(...leadDays) : EXPIRING_SOON_DAYS;
}

/** Why a key needs attention, or null when it does not. */
export type AttentionReason = 'expiring' | 'expired';

/**
 * The one rule for "needs attention": a key that is not disabled and either expires within the horizon
 * (calendar days, as every expiry word counts) or expired within the last `EXPIRED_NEWS_DAYS`. A key with no
 * known expiry date never does: "when" would be a guess. Snoozes are applied by the caller, which knows them.
 */
export function needsAttention(
  key: { status: string; expiresAt: string | null },
  now: Date,
  horizonDays: number,
): AttentionReason | null {
  return attentionAt(key.status, expiryTime(key), now.getTime(), horizonDays);
}

/** `needsAttention` with the expiry and the time as numbers (`expiryTime`, `Date.getTime`), for long lists. */
export function attentionAt(
  status: string,
  at: number | null,
  now: number,
  horizonDays: number,
): AttentionReason | null {
  if (status === 'inactive' || at === null || Number.isNaN(at)) return null;
  const left = at - now;
  if (status === 'expired' || left <= 0) return -left <= EXPIRED_NEWS_MS ? 'expired' : null;
  // Calendar days are whole days give or take a daylight-saving hour: a key this far out is past any horizon.
  // (Asked of every key on every list: counting calendar days for 10,000 keys took ~20 ms.)
  if (left > (horizonDays + 2) * DAY_MS) return null;
  return localDay(at) - localDay(now) <= horizonDays ? 'expiring' : null;
}

/**
 * Whether a key may need attention (`attentionAt`) at some instant from `from` to `from + withinMs`: true for
 * every key that does at one of them, and for few others. Finds the few among thousands before the instant
 * they are counted at is known.
 */
export function mayNeedAttention(
  status: string,
  at: number | null,
  from: number,
  withinMs: number,
  horizonDays: number,
): boolean {
  if (status === 'inactive' || at === null || Number.isNaN(at) || at < from - EXPIRED_NEWS_MS) return false;
  return status === 'expired' || at <= from + withinMs + (horizonDays + 2) * DAY_MS;
}

/** The horizon in words, for a sentence that ends "expire …": "today", "by tomorrow", "within 30 days". */
export function horizonWords(horizonDays: number): string {
  if (horizonDays <= 0) return 'today';
  if (horizonDays === 1) return 'by tomorrow';
  return `within ${horizonDays} days`;
}

/**
 * The attention count in words, naming the horizon: "2 keys expire within 30 days", "1 key expired in the
 * last 7 days", "3 keys need attention: 2 expire within 30 days, 1 expired in the last 7 days". The tray's
 * tooltip, the banner and the grouped reminder say it the same way; null when nothing needs attention.
 */
export function attentionWords(counts: {
  expiring: number;
  expired: number;
  horizonDays: number;
}): string | null {
  const { expiring, expired } = counts;
  const soon = `${expiring} ${expiring === 1 ? 'key expires' : 'keys expire'} ${horizonWords(counts.horizonDays)}`;
  const gone = `${expired} ${expired === 1 ? 'key' : 'keys'} expired in the last ${EXPIRED_NEWS_DAYS} days`;
  if (expiring > 0 && expired > 0)
    return `${expiring + expired} keys need attention: ${expiring} ${expiring === 1 ? 'expires' : 'expire'} ${horizonWords(counts.horizonDays)}, ${expired} expired in the last ${EXPIRED_NEWS_DAYS} days`;
  if (expiring > 0) return soon;
  if (expired > 0) return gone;
  return null;
}
