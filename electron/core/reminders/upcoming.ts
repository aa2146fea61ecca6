import { calendarDaysUntil, isExpired } from '../../common/expiry.js';
import type { UpcomingExpiry } from '../../common/models.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KeyCache, StoredState } from '../settings/stored-state.js';

const DAY_MS = 86_400_000;

/** Keys that are still in use and expire within the longest lead time, soonest first. */
export function createUpcoming(deps: {
  state: DocumentStore<StoredState>;
  keyCache: DocumentStore<KeyCache>;
  clock: Clock;
}) {
  function upcoming(): UpcomingExpiry[] {
    const now = deps.clock.now();
    const { preferences, reminders } = deps.state.read();
    const horizon = Math.max(0, ...preferences.reminderLeadDays);
    return deps.keyCache
      .read()
      .keys.filter(
        (k): k is typeof k & { expiresAt: string } => k.status === 'active' && k.expiresAt !== null,
      )
      .filter((k) => !isExpired(k.expiresAt, now) && calendarDaysUntil(k.expiresAt, now) <= horizon)
      .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))
      .map((k) => {
        const snoozed = reminders.snoozedUntil[k.id];
        return {
          keyId: k.id,
          tags: k.tags,
          expiresAt: k.expiresAt,
          daysLeft: calendarDaysUntil(k.expiresAt, now),
          snoozedUntil: snoozed && Date.parse(snoozed) > now.getTime() ? snoozed : null,
        };
      });
  }

  return {
    upcoming,

    /** Quiet for a day, or until the next lead time comes (e.g. from "7 days left" to "1 day left"). */
    snooze(keyId: string, until: 'tomorrow' | 'next-lead-time'): UpcomingExpiry[] {
      const item = upcoming().find((u) => u.keyId === keyId);
      if (!item) throw new AppError('not-found', 'That key has no reminder coming up.');
      const now = deps.clock.now().getTime();
      const state = deps.state.read();
      let untilMs = now + DAY_MS;
      if (until === 'next-lead-time') {
        const next = state.preferences.reminderLeadDays
          .filter((d) => d < item.daysLeft)
          .sort((a, b) => b - a)[0];
        // A lead time of N days is reached at the start of the calendar day N days before the expiry day.
        const expiry = new Date(item.expiresAt);
        untilMs =
          next === undefined
            ? expiry.getTime()
            : new Date(expiry.getFullYear(), expiry.getMonth(), expiry.getDate() - next).getTime();
      }
      const snoozedUntil = {
        ...state.reminders.snoozedUntil,
        [keyId]: new Date(Math.max(untilMs, now)).toISOString(),
      };
      deps.state.write({ ...state, reminders: { ...state.reminders, snoozedUntil } });
      return upcoming();
    },
  };
}
