import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  attentionHorizonDays,
  attentionWords,
  calendarDaysUntil,
  describeExpiry,
  isExpiringSoon,
  needsAttention,
} from '../../../electron/common/expiry.js';
import { expiryFromLocalDate, expiryFromPreset } from '../../../electron/common/expiry-input.js';
import {
  ALL_ZONES,
  calendarDaysLater,
  describeLocal,
  hardInstants,
  useZone,
} from '../../fixtures/time-zones.js';

/** `YYYY-MM-DD` of an instant in the current local zone: what a date picker shows. */
const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

// Every case runs at every hard instant (23:30, 00:30, month ends, daylight-saving days) in every zone: the
// words a person reads must not depend on the hour or the zone the check runs in.
describe.each(ALL_ZONES)('expiry maths in %s', (zone) => {
  useZone(zone, { beforeEach, afterEach });

  it('describes expiry in calendar days, whatever the hour of the expiry', () => {
    for (const now of hardInstants()) {
      const at = describeLocal(now);
      expect(describeExpiry(null, now), at).toBe('never expires');
      for (const [hour, minute] of [
        [0, 10],
        [12, 0],
        [23, 50],
      ] as const) {
        const inDays = (days: number) => calendarDaysLater(now, days, hour, minute).toISOString();
        expect(describeExpiry(inDays(5), now), at).toBe('expires in 5 days');
        expect(describeExpiry(inDays(2), now), at).toBe('expires in 2 days');
        expect(describeExpiry(inDays(1), now), at).toBe('expires tomorrow');
        expect(describeExpiry(inDays(-1), now), at).toBe('expired yesterday');
        expect(describeExpiry(inDays(-2), now), at).toBe('expired 2 days ago');
      }
      const laterToday = new Date(now.getTime() + 10 * 60_000);
      const earlierToday = new Date(now.getTime() - 10 * 60_000);
      expect(describeExpiry(laterToday.toISOString(), now), at).toBe('expires today');
      expect(describeExpiry(earlierToday.toISOString(), now), at).toBe('expired today');
    }
  });

  it('a key expiring just past the coming midnight expires tomorrow, not today', () => {
    for (const now of hardInstants()) {
      const justAfterMidnight = calendarDaysLater(now, 1, 0, 5).toISOString();
      expect(calendarDaysUntil(justAfterMidnight, now), describeLocal(now)).toBe(1);
      const justBeforeMidnight = calendarDaysLater(now, 0, 23, 59).toISOString();
      expect(calendarDaysUntil(justBeforeMidnight, now), describeLocal(now)).toBe(0);
    }
  });

  it('a preset of N days ends N calendar days on, at the same time of day', () => {
    for (const now of hardInstants()) {
      for (const days of [7, 30, 60, 90]) {
        const end = new Date(expiryFromPreset(now, days));
        const at = `${days} days from ${describeLocal(now)}`;
        expect(describeExpiry(end.toISOString(), now), at).toBe(`expires in ${days} days`);
        // A spring-forward gap has no 02:xx; there the clock reads an hour later, nowhere else.
        expect(Math.abs(end.getTime() - calendarDaysLater(now, days).getTime()), at).toBeLessThanOrEqual(
          3_600_000,
        );
      }
    }
  });

  it('a picked date expires at the end of that local day, and impossible dates are refused', () => {
    for (const now of hardInstants()) {
      for (const days of [0, 1, 30]) {
        const picked = localDate(calendarDaysLater(now, days));
        const iso = expiryFromLocalDate(picked);
        const at = `${picked} picked at ${describeLocal(now)}`;
        expect(iso, at).not.toBeNull();
        const end = new Date(iso as string);
        expect([localDate(end), end.getHours(), end.getMinutes()], at).toEqual([picked, 23, 59]);
        expect(calendarDaysUntil(iso as string, now), at).toBe(days);
      }
    }
    expect(expiryFromLocalDate('2026-02-30')).toBeNull();
    expect(expiryFromLocalDate('2026-02-29')).toBeNull();
    expect(expiryFromLocalDate('12/12/2026')).toBeNull();
  });

  it('expiring soon means within a week of calendar days and not yet expired', () => {
    for (const now of hardInstants()) {
      const at = describeLocal(now);
      expect(isExpiringSoon(calendarDaysLater(now, 7, 23, 50).toISOString(), now), at).toBe(true);
      expect(isExpiringSoon(calendarDaysLater(now, 8, 0, 10).toISOString(), now), at).toBe(false);
      expect(isExpiringSoon(new Date(now.getTime() - 60_000).toISOString(), now), at).toBe(false);
      expect(isExpiringSoon(null, now), at).toBe(false);
    }
  });

  it('needs attention: expires within the horizon (calendar days), or expired in the last 7 days; never disabled keys', () => {
    for (const now of hardInstants()) {
      const at = describeLocal(now);
      const active = (iso: string | null, status = 'active') => ({ status, expiresAt: iso });
      expect(needsAttention(active(calendarDaysLater(now, 30, 23, 50).toISOString()), now, 30), at).toBe(
        'expiring',
      );
      expect(needsAttention(active(calendarDaysLater(now, 31, 0, 10).toISOString()), now, 30), at).toBeNull();
      expect(
        needsAttention(active(new Date(now.getTime() - 6 * 86_400_000).toISOString()), now, 30),
        at,
      ).toBe('expired');
      expect(
        needsAttention(active(new Date(now.getTime() - 8 * 86_400_000).toISOString()), now, 30),
        at,
      ).toBeNull();
      expect(
        needsAttention(active(calendarDaysLater(now, 2).toISOString(), 'inactive'), now, 30),
        at,
      ).toBeNull();
      expect(needsAttention(active(null), now, 30), at).toBeNull();
    }
  });

  it('the horizon is the longest lead time chosen, a week with reminders off, and is named in words', () => {
    expect(attentionHorizonDays([30, 7, 1, 0])).toBe(30);
    expect(attentionHorizonDays([1, 0])).toBe(1);
    expect(attentionHorizonDays([])).toBe(7);
    expect(attentionWords({ expiring: 1, expired: 0, horizonDays: 7 })).toBe('1 key expires within 7 days');
    expect(attentionWords({ expiring: 2, expired: 0, horizonDays: 1 })).toBe('2 keys expire by tomorrow');
    expect(attentionWords({ expiring: 0, expired: 1, horizonDays: 0 })).toBe(
      '1 key expired in the last 7 days',
    );
    expect(attentionWords({ expiring: 2, expired: 1, horizonDays: 30 })).toBe(
      '3 keys need attention: 2 expire within 30 days, 1 expired in the last 7 days',
    );
    expect(attentionWords({ expiring: 0, expired: 0, horizonDays: 30 })).toBeNull();
  });
});
