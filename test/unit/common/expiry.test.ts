import { describe, expect, it } from 'vitest';
import {
  calendarDaysUntil,
  describeExpiry,
  expiryFromLocalDate,
  expiryFromPreset,
  isExpiringSoon,
} from '../../../electron/common/expiry.js';

const now = new Date('2026-03-02T10:00:00Z');

describe('expiry maths', () => {
  it('describes expiry in words', () => {
    expect(describeExpiry(null, now)).toBe('never expires');
    expect(describeExpiry('2026-03-07T12:00:00Z', now)).toBe('expires in 5 days');
    expect(describeExpiry('2026-03-03T12:00:00Z', now)).toBe('expires tomorrow');
    expect(describeExpiry('2026-03-02T20:00:00Z', now)).toBe('expires today');
    expect(describeExpiry('2026-02-28T09:00:00Z', now)).toBe('expired 2 days ago');
    expect(describeExpiry('2026-03-01T09:00:00Z', now)).toBe('expired yesterday');
  });

  it('counts presets from now', () => {
    expect(expiryFromPreset(now, 30)).toBe('2026-04-01T10:00:00.000Z');
  });

  it('a picked date expires at the end of that local day, and impossible dates are refused', () => {
    const iso = expiryFromLocalDate('2026-12-12');
    expect(iso).not.toBeNull();
    const end = new Date(iso as string);
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours()]).toEqual([2026, 11, 12, 23]);
    expect(expiryFromLocalDate('2026-02-30')).toBeNull();
    expect(expiryFromLocalDate('12/12/2026')).toBeNull();
  });

  it('counts calendar days, not 24-hour blocks', () => {
    const lateEvening = new Date(2026, 2, 2, 23, 30);
    const nextMorning = new Date(2026, 2, 3, 0, 30).toISOString();
    expect(calendarDaysUntil(nextMorning, lateEvening)).toBe(1);
  });

  it('expiring soon means within a week and not yet expired', () => {
    expect(isExpiringSoon('2026-03-08T10:00:00Z', now)).toBe(true);
    expect(isExpiringSoon('2026-03-20T10:00:00Z', now)).toBe(false);
    expect(isExpiringSoon('2026-03-01T10:00:00Z', now)).toBe(false);
    expect(isExpiringSoon(null, now)).toBe(false);
  });
});
