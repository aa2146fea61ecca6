import { calendarDaysUntil } from './expiry.js';

/**
 * Key hygiene: when a key was last used, in words, and which keys count as "not used for «n» days". Shared by
 * the popup (its rows, the filter and "Disable these keys…") and main (which checks each disable again).
 *
 * What Telnyx did not report is never taken for "never": a key whose last use is unknown (`unreadable`
 * names `lastUsedAt`) is not unused, and neither is a key that has not existed for the whole window (a key
 * created last week has not been used for a week, not for 90 days) or whose age is unknown and that was never
 * used. Days are calendar days in the person's zone, as the expiry words count them.
 */
type LastUse = {
  lastUsedAt: string | null;
  createdAt: string | null;
  unreadable: readonly string[];
};

/** Whole calendar days from `iso` to now (0 = today; a date in the future, a skewed clock, counts as today). */
export const daysSince = (iso: string, now: Date) => Math.max(0, -calendarDaysUntil(iso, now));

/** "used today", "used yesterday", "used 3 days ago", "never used", or "last use unknown". */
export function lastUseText(key: LastUse, now: Date): string {
  if (key.unreadable.includes('lastUsedAt')) return 'last use unknown';
  if (key.lastUsedAt === null) return 'never used';
  const days = daysSince(key.lastUsedAt, now);
  return days === 0 ? 'used today' : days === 1 ? 'used yesterday' : `used ${days} days ago`;
}

/** Not used for at least `days` calendar days, by what Telnyx reported (see above). */
export function isUnused(key: LastUse, now: Date, days: number): boolean {
  if (key.unreadable.includes('lastUsedAt')) return false;
  if (key.createdAt !== null && daysSince(key.createdAt, now) < days) return false;
  if (key.lastUsedAt !== null) return daysSince(key.lastUsedAt, now) >= days;
  return key.createdAt !== null;
}

/**
 * Why an unused key is left out of "Disable these keys…": `connected`, Keytray reaches Telnyx with it;
 * `held`, Keytray holds its full key and hands it out (a copy pasted into a program not yet deployed leaves
 * no trace at Telnyx; turn such a key off on its own row); `off`, it is not on (disabled, expired, or a status
 * Keytray can't read). Null: offered.
 */
export type LeftOut = 'connected' | 'held' | 'off';
export function whyLeftOut(
  key: { id: string; status: string; hasSecret: boolean },
  /** The keys Keytray connects its accounts with (`AccountStatus.accountKeyIds`). */
  accountKeyIds: readonly string[],
): LeftOut | null {
  if (accountKeyIds.includes(key.id)) return 'connected';
  if (key.hasSecret) return 'held';
  return key.status === 'active' ? null : 'off';
}
