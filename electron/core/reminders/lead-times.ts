import { calendarDaysUntil } from '../../common/expiry.js';

/** Marks "we told the person it has expired" in the sent log, beside the lead times (30, 7, 1, 0). */
export const EXPIRED_MARK = -1;

/** The reminder log's key: a key whose expiry date changes is a new thing to remind about. */
export const reminderKey = (keyId: string, expiresAt: string) => `${keyId}@${expiresAt}`;

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
