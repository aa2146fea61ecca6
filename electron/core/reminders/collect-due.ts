import { EXPIRED_NEWS_DAYS } from '../../common/expiry.js';
import type { ReminderLog } from '../settings/stored-state.js';
import { dueReminder, EXPIRED_MARK, normalizedLog, reminderKey, reminderKeyExpiry } from './lead-times.js';
import type { RemindedKey } from './reminder-text.js';

const DAY_MS = 86_400_000;
/** A key that expired longer ago than this is old news: recorded, not announced (and not counted). */
const EXPIRED_NEWS_MS = EXPIRED_NEWS_DAYS * DAY_MS;
/**
 * How long the log remembers a reminder after the key's expiry. By time, not by whether the key is in the
 * list: a list that came back short (an outage, a route that answered nothing for a while) once made every
 * reminder new again, and the same "5 keys need attention" came twice after the connection returned.
 */
const LOG_KEPT_AFTER_EXPIRY_MS = EXPIRED_NEWS_MS + 30 * DAY_MS;

export type WatchedKey = {
  id: string;
  tags: string[];
  status: string;
  expiresAt: string | null;
};

/**
 * One account's reminders due now, and its log with them recorded: pure, so the active account's check and
 * the other accounts' (`other-accounts-watch.ts`) follow one rule. A late check announces only the most
 * urgent lead time it missed; a key that expired long ago is recorded, not announced.
 */
export function collectDue(input: {
  keys: readonly WatchedKey[];
  leadDays: readonly number[];
  log: ReminderLog;
  now: Date;
  names: Readonly<Record<string, string>>;
}): { due: RemindedKey[]; sent: ReminderLog['sent'] } {
  const { now, log } = input;
  const sent = normalizedLog(log.sent);
  const due: RemindedKey[] = [];
  for (const key of input.keys) {
    if (key.status === 'inactive' || key.expiresAt === null) continue;
    const snoozed = log.snoozedUntil[key.id];
    if (snoozed && Date.parse(snoozed) > now.getTime()) continue;
    const logKey = reminderKey(key.id, key.expiresAt);
    const reminder = dueReminder({
      expiresAt: key.expiresAt,
      now,
      leadDays: [...input.leadDays],
      sent: sent[logKey] ?? [],
    });
    if (!reminder) continue;
    sent[logKey] = [...new Set([...(sent[logKey] ?? []), ...reminder.reached])];
    const expired = reminder.lead === EXPIRED_MARK;
    if (expired && now.getTime() - Date.parse(key.expiresAt) > EXPIRED_NEWS_MS) continue;
    due.push({
      id: key.id,
      name: input.names[key.id] ?? null,
      tags: key.tags,
      expiresAt: key.expiresAt,
      daysLeft: reminder.daysLeft,
      expired,
    });
  }
  // Forget reminders long after their expiry, whatever the list says now.
  for (const logKey of Object.keys(sent)) {
    if (now.getTime() - reminderKeyExpiry(logKey) > LOG_KEPT_AFTER_EXPIRY_MS) delete sent[logKey];
  }
  return { due, sent };
}
