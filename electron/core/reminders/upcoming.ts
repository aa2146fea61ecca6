import {
  attentionHorizonDays,
  calendarDaysUntil,
  EXPIRED_NEWS_DAYS,
  needsAttention,
} from '../../common/expiry.js';
import type { UpcomingExpiry } from '../../common/models.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KeyCache, StoredState } from '../settings/stored-state.js';

const DAY_MS = 86_400_000;

/**
 * Keys that are still in use and expire within the horizon of "needs attention" (the longest lead time: see
 * `needsAttention`), soonest first.
 */
export function createUpcoming(deps: {
  state: DocumentStore<StoredState>;
  keyCache: DocumentStore<KeyCache>;
  clock: Clock;
}) {
  function upcoming(): UpcomingExpiry[] {
    const now = deps.clock.now();
    const { preferences, reminders } = deps.state.read();
    const horizon = attentionHorizonDays(preferences.reminderLeadDays);
    return deps.keyCache
      .read()
      .keys.filter(
        (k): k is typeof k & { expiresAt: string } =>
          k.expiresAt !== null && needsAttention(k, now, horizon) === 'expiring',
      )
      .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
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

    /**
     * Quiet for a day, or until the next lead time comes (e.g. from "7 days left" to "1 day left"). Any key that
     * needs attention can be snoozed, an expired one too (until it stops being news): the badge and the banner
     * leave it out meanwhile.
     */
    snooze(keyId: string, until: 'tomorrow' | 'next-lead-time'): UpcomingExpiry[] {
      const nowDate = deps.clock.now();
      const now = nowDate.getTime();
      const state = deps.state.read();
      const key = deps.keyCache.read().keys.find((k) => k.id === keyId);
      const horizon = attentionHorizonDays(state.preferences.reminderLeadDays);
      const reason = key ? needsAttention(key, nowDate, horizon) : null;
      const item = upcoming().find((u) => u.keyId === keyId);
      if (!key?.expiresAt || reason === null || (reason === 'expiring' && !item)) {
        throw new AppError('not-found', 'That key has no reminder coming up.');
      }
      let untilMs = now + DAY_MS;
      if (until === 'next-lead-time' && reason === 'expired') {
        // No reminder comes after "has expired": quiet until it stops being news.
        untilMs = Date.parse(key.expiresAt) + EXPIRED_NEWS_DAYS * DAY_MS;
      } else if (until === 'next-lead-time' && item) {
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
