import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarDaysUntil } from '../../../../electron/common/expiry.js';
import { dueReminder, EXPIRED_MARK } from '../../../../electron/core/reminders/lead-times.js';
import {
  ALL_ZONES,
  calendarDaysLater,
  describeLocal,
  hardInstants,
  inZone,
  useZone,
} from '../../../fixtures/time-zones.js';

const LEADS = [30, 7, 1, 0];
/** Times of day an expiry may fall at: just after midnight, noon, just before midnight. */
const EXPIRY_TIMES = [
  [0, 10],
  [12, 0],
  [23, 50],
] as const;

// Every case runs at every hard instant (23:30, 00:30, month ends, daylight-saving days) in every zone.
describe.each(ALL_ZONES)('lead-time maths in %s', (zone) => {
  useZone(zone, { beforeEach, afterEach });

  it('a lead time is reached when the key expires in that many calendar days or fewer', () => {
    for (const now of hardInstants()) {
      for (const [hour, minute] of EXPIRY_TIMES) {
        const inDays = (days: number) => calendarDaysLater(now, days, hour, minute).toISOString();
        const at = `${describeLocal(now)}, expiry at ${hour}:${minute}`;
        expect(dueReminder({ expiresAt: inDays(8), now, leadDays: LEADS, sent: [30] }), at).toBeNull();
        expect(dueReminder({ expiresAt: inDays(7), now, leadDays: LEADS, sent: [30] }), at).toEqual({
          lead: 7,
          daysLeft: 7,
          reached: [30, 7],
        });
        expect(dueReminder({ expiresAt: inDays(1), now, leadDays: LEADS, sent: [30, 7] }), at).toEqual({
          lead: 1,
          daysLeft: 1,
          reached: [30, 7, 1],
        });
      }
      const laterToday = new Date(now.getTime() + 10 * 60_000).toISOString();
      expect(
        dueReminder({ expiresAt: laterToday, now, leadDays: LEADS, sent: [30, 7, 1] }),
        describeLocal(now),
      ).toMatchObject({ lead: 0, daysLeft: 0 });
    }
  });

  it('a late check (after a long sleep) announces only the most urgent lead time it missed', () => {
    for (const now of hardInstants()) {
      const tomorrowSmallHours = calendarDaysLater(now, 1, 0, 10).toISOString();
      expect(
        dueReminder({ expiresAt: tomorrowSmallHours, now, leadDays: LEADS, sent: [] }),
        describeLocal(now),
      ).toEqual({ lead: 1, daysLeft: 1, reached: [30, 7, 1] });
    }
  });

  it('past the expiry: one "has expired" notice, once', () => {
    for (const now of hardInstants()) {
      for (const expiresAt of [
        new Date(now.getTime() - 60_000).toISOString(),
        calendarDaysLater(now, -1, 23, 50).toISOString(),
      ]) {
        const due = dueReminder({ expiresAt, now, leadDays: LEADS, sent: [30, 7] });
        expect(due?.lead, describeLocal(now)).toBe(EXPIRED_MARK);
        expect(
          dueReminder({ expiresAt, now, leadDays: LEADS, sent: due?.reached ?? [] }),
          describeLocal(now),
        ).toBeNull();
      }
    }
  });
});

describe('lead-time maths in zones with their own daylight-saving rules', () => {
  it.each([
    // zone, now (local evening before a DST change), expiry, expected calendar days
    ['America/New_York', '2026-03-07T23:30:00-05:00', '2026-03-09T00:30:00-04:00', 2],
    ['Europe/London', '2026-03-28T23:30:00Z', '2026-03-29T23:30:00+01:00', 1],
    ['Australia/Sydney', '2026-04-04T23:00:00+11:00', '2026-04-05T22:00:00+10:00', 1],
    ['Asia/Kolkata', '2026-03-02T23:50:00+05:30', '2026-03-03T00:10:00+05:30', 1],
    ['Pacific/Auckland', '2026-09-26T12:00:00+12:00', '2026-10-03T12:00:00+13:00', 7],
  ])('counts calendar days in %s across daylight-saving changes', (zone, now, expiry, days) => {
    inZone(zone, () => {
      expect(calendarDaysUntil(new Date(expiry).toISOString(), new Date(now))).toBe(days);
      expect(
        dueReminder({
          expiresAt: new Date(expiry).toISOString(),
          now: new Date(now),
          leadDays: [days],
          sent: [],
        })?.lead,
      ).toBe(days);
    });
  });
});
