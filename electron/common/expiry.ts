/** Expiry maths shared by the popup, the tray and the reminders. All dates are ISO-8601 strings in UTC. */

const DAY_MS = 86_400_000;

export const EXPIRY_PRESET_DAYS = [7, 30, 60, 90] as const;

/**
 * The expiry instant for a preset of N days from now: N calendar days on, at the same local time of day.
 * Not N × 24 h: across a daylight-saving change that lands an hour off, and at 23:30 or 00:30 on the next
 * or previous calendar day, so a "30 days" key would read "expires in 31 days".
 */
export function expiryFromPreset(now: Date, days: number): string {
  const end = new Date(now.getTime());
  end.setDate(end.getDate() + days);
  return end.toISOString();
}

/**
 * A date the user picked (`YYYY-MM-DD`, in their local calendar) expires at the end of that day, local time:
 * "expires on the 12th" means it still works on the 12th.
 */
export function expiryFromLocalDate(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const end = new Date(y, m - 1, d, 23, 59, 59, 0);
  if (end.getFullYear() !== y || end.getMonth() !== m - 1 || end.getDate() !== d) return null;
  return end.toISOString();
}

export function isExpired(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now.getTime();
}

/**
 * Whole calendar days from `now` to `expiresAt` in the given time zone offset-free sense: the number of
 * local midnights crossed. 0 = expires today, 1 = tomorrow, negative = already past.
 */
export function calendarDaysUntil(expiresAt: string, now: Date): number {
  const end = new Date(expiresAt);
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  // Round: a day across a daylight-saving change is 23 or 25 hours long.
  return Math.round((startOfDay(end) - startOfDay(now)) / DAY_MS);
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
