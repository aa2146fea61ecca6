/**
 * Expiry dates as a person picks them when creating a key (presets, a date in their calendar). Apart from
 * `expiry.ts`, which every row and the tray use: only the Create dialog needs these, and the popup loads it
 * when it first opens.
 */

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
