import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUnused, lastUseText, whyLeftOut } from '../../../electron/common/unused-keys.js';
import {
  ALL_ZONES,
  calendarDaysLater,
  describeLocal,
  hardInstants,
  useZone,
} from '../../fixtures/time-zones.js';

const key = (lastUsedAt: string | null, createdAt: string | null, unreadable: string[] = []) => ({
  lastUsedAt,
  createdAt,
  unreadable,
});

// Every case at every hard instant (23:30, 00:30, month ends, daylight-saving days) in every zone: "used 3 days
// ago" and "not used for 90 days" count calendar days, as the expiry words do.
describe.each(ALL_ZONES)('last use in %s', (zone) => {
  useZone(zone, { beforeEach, afterEach });

  it('says when a key was last used in calendar days, whatever the hour of the use', () => {
    for (const now of hardInstants()) {
      const at = describeLocal(now);
      for (const [hour, minute] of [
        [0, 10],
        [12, 0],
        [23, 50],
      ] as const) {
        const daysAgo = (days: number) => calendarDaysLater(now, -days, hour, minute).toISOString();
        const old = daysAgo(400);
        expect(lastUseText(key(daysAgo(3), old), now), at).toBe('used 3 days ago');
        expect(lastUseText(key(daysAgo(1), old), now), at).toBe('used yesterday');
        expect(lastUseText(key(daysAgo(120), old), now), at).toBe('used 120 days ago');
      }
      expect(lastUseText(key(now.toISOString(), null), now), at).toBe('used today');
    }
  });

  it('counts a key as unused from the day the window is full, not an hour before', () => {
    for (const now of hardInstants()) {
      const at = describeLocal(now);
      const daysAgo = (days: number) => calendarDaysLater(now, -days, 23, 50).toISOString();
      const early = (days: number) => calendarDaysLater(now, -days, 0, 10).toISOString();
      const created = early(400);
      expect(isUnused(key(daysAgo(90), created), now, 90), at).toBe(true);
      expect(isUnused(key(early(89), created), now, 90), at).toBe(false);
      expect(isUnused(key(daysAgo(30), created), now, 30), at).toBe(true);
      // Never used, and created before the window: unused. Created inside it: not (yet).
      expect(isUnused(key(null, early(90)), now, 90), at).toBe(true);
      expect(isUnused(key(null, daysAgo(89)), now, 90), at).toBe(false);
    }
  });
});

describe('what Telnyx did not report', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('says "never used" only for a reported null, and "unknown" for an absent or unreadable field', () => {
    expect(lastUseText(key(null, null), now)).toBe('never used');
    expect(lastUseText(key(null, null, ['lastUsedAt']), now)).toBe('last use unknown');
  });

  it('never counts an unknown last use, or a never-used key of unknown age, as unused', () => {
    expect(isUnused(key(null, '2020-01-01T00:00:00.000Z', ['lastUsedAt']), now, 90)).toBe(false);
    expect(isUnused(key(null, null), now, 90)).toBe(false);
    // A use long ago says the key is at least that old, whatever Telnyx said of its creation.
    expect(isUnused(key('2026-01-01T00:00:00.000Z', null), now, 90)).toBe(true);
  });

  it('leaves out the keys Keytray connects its accounts with, keys whose full key it holds, and keys that are not on', () => {
    const k = (id: string, status: string, hasSecret = false) => ({ id, status, hasSecret });
    // Another account's connecting key, listed in this organization (a member's key Keytray connects with).
    expect(whyLeftOut(k('KEYG', 'active'), ['KEYA', 'KEYG'])).toBe('connected');
    expect(whyLeftOut(k('KEYA', 'active'), ['KEYA'])).toBe('connected');
    expect(whyLeftOut(k('KEYB', 'active', true), ['KEYA'])).toBe('held');
    expect(whyLeftOut(k('KEYC', 'inactive'), ['KEYA'])).toBe('off');
    expect(whyLeftOut(k('KEYD', 'expired'), ['KEYA'])).toBe('off');
    expect(whyLeftOut(k('KEYE', 'unknown'), ['KEYA'])).toBe('off');
    expect(whyLeftOut(k('KEYF', 'active'), ['KEYA'])).toBeNull();
  });
});
