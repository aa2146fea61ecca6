import { afterEach, describe, expect, it } from 'vitest';
import { calendarDaysUntil } from '../../../../electron/common/expiry.js';
import { dueReminder, EXPIRED_MARK } from '../../../../electron/core/reminders/lead-times.js';

const LEADS = [30, 7, 1, 0];
const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe('lead-time maths', () => {
  it('a lead time is reached when the key expires in that many calendar days or fewer', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(dueReminder({ expiresAt: '2026-03-10T10:00:00Z', now, leadDays: LEADS, sent: [30] })).toBeNull();
    expect(dueReminder({ expiresAt: '2026-03-09T10:00:00Z', now, leadDays: LEADS, sent: [30] })).toEqual({
      lead: 7,
      daysLeft: 7,
      reached: [30, 7],
    });
    expect(
      dueReminder({ expiresAt: '2026-03-02T23:00:00Z', now, leadDays: LEADS, sent: [30, 7, 1] }),
    ).toMatchObject({ lead: 0, daysLeft: 0 });
  });

  it('a late check (after a long sleep) announces only the most urgent lead time it missed', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const due = dueReminder({ expiresAt: '2026-03-03T09:00:00Z', now, leadDays: LEADS, sent: [] });
    expect(due).toEqual({ lead: 1, daysLeft: 1, reached: [30, 7, 1] });
  });

  it('past the expiry: one "has expired" notice, once', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const due = dueReminder({ expiresAt: '2026-03-01T10:00:00Z', now, leadDays: LEADS, sent: [30, 7] });
    expect(due?.lead).toBe(EXPIRED_MARK);
    expect(
      dueReminder({ expiresAt: '2026-03-01T10:00:00Z', now, leadDays: LEADS, sent: due?.reached ?? [] }),
    ).toBeNull();
  });

  it.each([
    // zone, now (local evening before a DST change), expiry, expected calendar days
    ['America/New_York', '2026-03-07T23:30:00-05:00', '2026-03-09T00:30:00-04:00', 2],
    ['Europe/London', '2026-03-28T23:30:00Z', '2026-03-29T23:30:00+01:00', 1],
    ['Australia/Sydney', '2026-04-04T23:00:00+11:00', '2026-04-05T22:00:00+10:00', 1],
    ['Asia/Kolkata', '2026-03-02T23:50:00+05:30', '2026-03-03T00:10:00+05:30', 1],
    ['Pacific/Auckland', '2026-09-26T12:00:00+12:00', '2026-10-03T12:00:00+13:00', 7],
  ])('counts calendar days in %s across daylight-saving changes', (zone, now, expiry, days) => {
    process.env['TZ'] = zone;
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
