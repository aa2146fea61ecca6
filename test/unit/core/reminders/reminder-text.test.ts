import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderNotification, shortDate } from '../../../../electron/core/reminders/reminder-text.js';
import {
  ALL_ZONES,
  calendarDaysLater,
  describeLocal,
  hardInstants,
  useZone,
} from '../../../fixtures/time-zones.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The day a person in the current zone would name for an instant: "Sat 28 Nov". */
const localDay = (d: Date) => `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]}`;

const ID = 'KEY0123456789ABCDEFGHIJKLMNOPQRSTUVWX';

// The date a reminder names is the expiry's day in the person's own zone: check it at every hard instant
// (23:30, 00:30, month ends, daylight-saving days), for expiries just after midnight and just before it.
describe.each(ALL_ZONES)('reminder text in %s', (zone) => {
  useZone(zone, { beforeEach, afterEach });

  it('names the local day the key stops working on, even when it expires just after or before midnight', () => {
    for (const now of hardInstants()) {
      for (const [hour, minute] of [
        [0, 5],
        [23, 55],
      ] as const) {
        const expiry = calendarDaysLater(now, 7, hour, minute);
        const at = `expiry ${describeLocal(expiry)}`;
        expect(shortDate(expiry.toISOString()), at).toBe(localDay(expiry));
        const note = reminderNotification([
          { id: ID, tags: ['prod', 'sms'], expiresAt: expiry.toISOString(), daysLeft: 7, expired: false },
        ]);
        expect(note.title, at).toBe('Telnyx key expires in 7 days');
        expect(note.body, at).toBe(
          `KEY01…UVWX (prod, sms) stops working on ${localDay(expiry)} — anything using it will fail.`,
        );
      }
    }
  });

  it('a key that has expired says on which local day it stopped working', () => {
    for (const now of hardInstants()) {
      const expiry = new Date(now.getTime() - 40 * 60_000);
      const note = reminderNotification([
        { id: ID, tags: [], expiresAt: expiry.toISOString(), daysLeft: 0, expired: true },
      ]);
      expect(note.title, describeLocal(now)).toBe('Telnyx key has expired');
      expect(note.body, describeLocal(now)).toBe(
        `KEY01…UVWX stopped working on ${localDay(expiry)}. Anything still using it is failing: replace it.`,
      );
    }
  });

  it('several keys at once: one notification, soonest first, in words', () => {
    for (const now of hardInstants()) {
      const keys = [3, 0, 1, 9].map((days, i) => ({
        id: `KEY${i}AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA${i}`,
        tags: [],
        expiresAt: calendarDaysLater(now, days, 23, 55).toISOString(),
        daysLeft: days,
        expired: false,
      }));
      const note = reminderNotification(keys);
      expect(note.title, describeLocal(now)).toBe('4 Telnyx keys need attention');
      expect(note.body, describeLocal(now)).toBe(
        '4 keys expire within 9 days. KEY1A…AAA1 expires today; KEY2A…AAA2 expires tomorrow; KEY0A…AAA0 expires in 3 days, and 1 more.',
      );
      expect(note.keyIds).toEqual([1, 2, 0, 3].map((i) => keys[i]?.id));
    }
  });

  it('several keys at once count what needs attention by the one rule, as the tray and the banner do', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const due = (id: string, days: number, expired = false) => ({
      id,
      tags: [],
      expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
      daysLeft: days,
      expired,
    });
    // Two reach a lead time now; a third was announced last week and still needs attention.
    const note = reminderNotification([due(`${ID}1`, 7), due(`${ID}2`, -1, true)], {
      horizonDays: 30,
      keyIds: [`${ID}2`, `${ID}1`, `${ID}3`],
      expiring: 2,
      expired: 1,
      snoozed: 0,
    });
    expect(note.title).toBe('3 Telnyx keys need attention');
    expect(note.body).toMatch(/^2 expire within 30 days, 1 expired in the last 7 days\. /);
    expect(note.keyIds).toEqual([`${ID}2`, `${ID}1`, `${ID}3`]);
  });

  it('names a key by the name given in Keytray first', () => {
    const note = reminderNotification([
      {
        id: ID,
        name: 'Zapier',
        tags: ['crm'],
        expiresAt: '2026-03-09T10:00:00Z',
        daysLeft: 7,
        expired: false,
      },
    ]);
    expect(note.body).toMatch(/^Zapier \(KEY01…UVWX\) stops working on /);
  });
});
