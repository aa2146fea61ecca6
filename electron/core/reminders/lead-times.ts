import { calendarDaysUntil } from '../../common/expiry.js';

/** Marks "we told the person it has expired" in the sent log, beside the lead times (30, 7, 1, 0). */
export const EXPIRED_MARK = -1;

/**
 * The reminder log's key: a key whose expiry date changes is a new thing to remind about. The instant is
 * written one way (Telnyx's `…Z` and `….000Z` for the same moment are one expiry), so a list read from
 * another route or a created key's answer never makes an announced reminder new again.
 */
export function reminderKey(keyId: string, expiresAt: string): string {
  const instant = Date.parse(expiresAt);
  return `${keyId}@${Number.isNaN(instant) ? expiresAt : new Date(instant).toISOString()}`;
}

/** The expiry instant a log key was written for (ms), or NaN for one Keytray cannot read. */
export const reminderKeyExpiry = (logKey: string) => Date.parse(logKey.slice(logKey.lastIndexOf('@') + 1));

export type DueReminder = {
  /** The lead time to announce: the most urgent one reached (a late check announces only that one). */
  lead: number;
  daysLeft: number;
  /** Every lead time now reached, to record as sent so none fires later. */
  reached: number[];
};

/**
 * Which reminder a key is due, if any. A lead time of N days is reached once the key expires in N calendar
 * days or fewer (0 = on the day). After a sleep or a first start, several may be reached at once: the
 * person gets one reminder, for the most urgent, and the others count as sent. Past the expiry, one
 * "has expired" notice, once.
 */
export function dueReminder(input: {
  expiresAt: string;
  now: Date;
  leadDays: readonly number[];
  sent: readonly number[];
}): DueReminder | null {
  const expired = Date.parse(input.expiresAt) <= input.now.getTime();
  const daysLeft = calendarDaysUntil(input.expiresAt, input.now);
  if (expired) {
    if (input.sent.includes(EXPIRED_MARK)) return null;
    return { lead: EXPIRED_MARK, daysLeft, reached: [...input.leadDays, EXPIRED_MARK] };
  }
  const reached = input.leadDays.filter((lead) => daysLeft <= lead);
  const fresh = reached.filter((lead) => !input.sent.includes(lead));
  if (fresh.length === 0) return null;
  return { lead: Math.min(...fresh), daysLeft, reached };
}

/**
 * The log with every key written as `reminderKey` writes it now: a log saved before (with Telnyx's spelling of
 * the instant) keeps its entries, merged where two spellings meant one expiry.
 */
export function normalizedLog(sent: Readonly<Record<string, number[]>>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [logKey, leads] of Object.entries(sent)) {
    const at = logKey.lastIndexOf('@');
    const key = at < 0 ? logKey : reminderKey(logKey.slice(0, at), logKey.slice(at + 1));
    out[key] = [...new Set([...(out[key] ?? []), ...leads])];
  }
  return out;
}
