import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../electron/core/clock/manual-clock.js';
import { createMemoryDocumentStore } from '../../../../electron/core/settings/json-store.js';
import { DEFAULT_SETTINGS, type KeyCache } from '../../../../electron/core/settings/stored-state.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';
import {
  ALL_ZONES,
  calendarDaysLater,
  describeLocal,
  hardInstants,
  localDaysBetween,
  useZone,
} from '../../../fixtures/time-zones.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** An expiry `days` calendar days after the start, at a local time of day. */
type Expiry = [days: number, hour: number, minute: number] | null;

/** A simulated organization where only the keys we set up expire; `start` is the clock's first instant. */
function harness(
  expiries: (number | null)[] | { start: Date; at: Expiry[] },
  extra: Parameters<typeof createCoreHarness>[0] = {},
) {
  const list = Array.isArray(expiries) ? expiries : expiries.at;
  const clock = extra.clock ?? createManualClock(Array.isArray(expiries) ? START : expiries.start);
  const h = createCoreHarness({ simulator: { keyCount: list.length + 2 }, clock, ...extra });
  const connectable = [h.simulator.ownerKey, h.simulator.memberKey];
  const keys = h.simulator.state.keys.filter(
    (k) => k.userId !== 'user-gone' && !connectable.includes(k.value),
  );
  keys.forEach((key, i) => {
    const expiry = i < list.length ? list[i] : null;
    if (expiry === null || expiry === undefined) key.expiresAt = null;
    else if (typeof expiry === 'number') key.expiresAt = iso(START.getTime() + expiry * DAY);
    else key.expiresAt = calendarDaysLater(clock.now(), ...expiry).toISOString();
    key.status = 'active';
  });
  for (const key of h.simulator.state.keys) if (connectable.includes(key.value)) key.expiresAt = null;
  return { ...h, keys };
}

async function connect(h: ReturnType<typeof harness>) {
  value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
  value(await h.core.handlers['keys.sync'](undefined));
}

/** Moves the clock to the same local time `days` calendar days on, and lets the core see it. */
async function daysOn(
  h: ReturnType<typeof harness>,
  start: Date,
  days: number,
  hour?: number,
  minute?: number,
) {
  h.clock.set(calendarDaysLater(start, days, hour, minute));
  await h.core.clockMoved();
}

// What a reminder says and when it comes must not depend on the hour or the zone: every case starts at each
// hard instant (23:30, 00:30, month ends, daylight-saving days) in each zone, with expiries just after
// midnight and just before it.
describe.each(ALL_ZONES)('expiry reminders in %s', (zone) => {
  useZone(zone, { beforeEach, afterEach });
  const eachStart = async (body: (start: Date, at: string) => Promise<void>) => {
    for (const start of hardInstants()) await body(start, describeLocal(start));
  };

  it('one notification per key per lead time, with the key named by its tags and id', async () => {
    await eachStart(async (start, at) => {
      const h = harness({ start, at: [[8, 0, 10]] });
      h.keys[0]?.tags.splice(0, h.keys[0].tags.length, 'prod', 'sms');
      await connect(h);
      expect(
        h.desktop.notifications.map((n) => n.title),
        at,
      ).toEqual(['Telnyx key expires in 8 days']);
      await daysOn(h, start, 1);
      expect(h.desktop.notifications, at).toHaveLength(2);
      const note = h.desktop.notifications[1];
      expect(note?.title, at).toBe('Telnyx key expires in 7 days');
      expect(note?.body, at).toMatch(
        /^KEY\w{2}…\w{4} \(prod, sms\) stops working on \w{3} \d{1,2} \w{3} — anything using it will fail\.$/,
      );
      expect(note?.keyIds, at).toEqual([h.keys[0]?.id]);
      h.clock.advance(3_600_000);
      await h.core.clockMoved();
      expect(h.desktop.notifications, at).toHaveLength(2);
    });
  });

  it('several keys crossing a lead time at once make one grouped notification', async () => {
    await eachStart(async (start, at) => {
      const h = harness({
        start,
        at: [
          [6, 0, 10],
          [6, 8, 0],
          [6, 16, 0],
          [6, 23, 50],
        ],
      });
      await connect(h);
      expect(h.desktop.notifications, at).toHaveLength(1);
      expect(h.desktop.notifications[0]?.title, at).toBe('4 Telnyx keys need attention');
      expect(h.desktop.notifications[0]?.body, at).toMatch(/expires in 6 days; .*, and 1 more\.$/);
      expect(h.desktop.notifications[0]?.keyIds, at).toHaveLength(4);
    });
  });

  it('is not repeated when a sync brings back a key a short list left out (an outage, a route that answered nothing)', async () => {
    const h = harness([7, 20]);
    await connect(h);
    expect(h.desktop.notifications.map((n) => n.title)).toEqual(['2 Telnyx keys need attention']);
    const all = [...h.simulator.state.keys];
    h.simulator.state.keys.splice(0, all.length, ...all.filter((k) => !h.keys.includes(k)));
    value(await h.core.handlers['keys.sync'](undefined));
    h.simulator.state.keys.splice(0, h.simulator.state.keys.length, ...all);
    value(await h.core.handlers['keys.sync'](undefined));
    h.clock.advance(2 * 60_000);
    await h.core.clockMoved();
    expect(h.desktop.notifications).toHaveLength(1);
  });

  it('a log written with another spelling of the same instant is still the same reminder', async () => {
    const h = harness([7]);
    await connect(h);
    expect(h.desktop.notifications).toHaveLength(1);
    const key = h.keys[0];
    // Telnyx answers the same instant without milliseconds this time.
    if (key?.expiresAt) key.expiresAt = key.expiresAt.replace('.000Z', 'Z');
    value(await h.core.handlers['keys.sync'](undefined));
    expect(h.desktop.notifications).toHaveLength(1);
  });

  it('the grouped notification counts what the tray counts, and snoozing takes a key out of both', async () => {
    const h = harness([7, 20]);
    await connect(h);
    const note = h.desktop.notifications[0];
    expect(note?.title).toBe('2 Telnyx keys need attention');
    expect(note?.body).toMatch(/^2 keys expire within 30 days\. /);
    expect(h.desktop.tray?.badge).toBe(2);
    expect(h.desktop.tray?.tooltip).toBe('Keytray — 2 keys expire within 30 days');
    // Soonest first: the 7-day key, then the 20-day one.
    expect(note?.keyIds).toEqual([h.keys[0]?.id, h.keys[1]?.id]);
    value(await h.core.handlers['reminders.snooze']({ keyId: h.keys[0]?.id ?? '', until: 'tomorrow' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.desktop.tray?.badge).toBe(1);
    const list = value(await h.core.handlers['keys.list'](undefined));
    expect(list.attention).toMatchObject({ keyIds: [h.keys[1]?.id], expiring: 1, snoozed: 1 });
  });

  it('is never repeated across a restart (state reloaded from settings)', async () => {
    await eachStart(async (start, at) => {
      const state = createMemoryDocumentStore(DEFAULT_SETTINGS);
      const keyCache = createMemoryDocumentStore<KeyCache>({ scope: null, keys: [], syncedAt: null });
      const clock = createManualClock(start);
      const first = harness({ start, at: [[7, 23, 50]] }, { state, keyCache, clock });
      await connect(first);
      expect(first.desktop.notifications, at).toHaveLength(1);
      const second = createCoreHarness({
        state,
        keyCache,
        clock,
        secrets: first.secrets,
        simulatorInstance: first.simulator,
      });
      await second.core.start();
      await second.core.clockMoved();
      expect(second.desktop.notifications, at).toEqual([]);
    });
  });

  it('a long sleep catches up with one notification, not one per missed day', async () => {
    await eachStart(async (start, at) => {
      const h = harness({ start, at: [[20, 23, 50]] });
      await connect(h);
      expect(h.desktop.notifications, at).toHaveLength(1);
      await daysOn(h, start, 20);
      expect(
        h.desktop.notifications.map((n) => n.title),
        at,
      ).toEqual(['Telnyx key expires in 20 days', 'Telnyx key expires today']);
    });
  });

  it('disabled keys are not reminded', async () => {
    await eachStart(async (start, at) => {
      const h = harness({ start, at: [[3, 0, 10]] });
      if (h.keys[0]) h.keys[0].status = 'inactive';
      await connect(h);
      expect(h.desktop.notifications, at).toEqual([]);
    });
  });

  it('snoozing for a day holds the reminder back for 24 hours', async () => {
    await eachStart(async (start, at) => {
      const h = harness({ start, at: [[40, 12, 0]] });
      await connect(h);
      const id = h.keys[0]?.id ?? '';
      // Eleven days on, snoozed before the core looks at the time: the 30-day reminder is held back.
      h.clock.set(calendarDaysLater(start, 11));
      value(await h.core.handlers['reminders.snooze']({ keyId: id, until: 'tomorrow' }));
      await h.core.clockMoved();
      expect(h.desktop.notifications, at).toEqual([]);
      h.clock.advance(DAY - 60_000);
      await h.core.clockMoved();
      expect(h.desktop.notifications, at).toEqual([]);
      h.clock.advance(60_000);
      await h.core.clockMoved();
      const daysLeft = localDaysBetween(h.clock.now(), calendarDaysLater(start, 40, 12, 0));
      expect(
        h.desktop.notifications.map((n) => n.title),
        at,
      ).toEqual([`Telnyx key expires in ${daysLeft} days`]);
    });
  });

  it('snoozing until the next reminder holds it back until that local day begins', async () => {
    await eachStart(async (start, at) => {
      const h = harness({ start, at: [[7, 12, 0]] });
      await connect(h);
      expect(
        h.desktop.notifications.map((n) => n.title),
        at,
      ).toEqual(['Telnyx key expires in 7 days']);
      const id = h.keys[0]?.id ?? '';
      value(await h.core.handlers['reminders.snooze']({ keyId: id, until: 'next-lead-time' }));
      // The next lead time is "1 day before": it comes at the start of the day before the expiry day.
      await daysOn(h, start, 5, 23, 59);
      expect(h.desktop.notifications, at).toHaveLength(1);
      await daysOn(h, start, 6, 0, 0);
      expect(
        h.desktop.notifications.map((n) => n.title),
        at,
      ).toEqual(['Telnyx key expires in 7 days', 'Telnyx key expires tomorrow']);
    });
  });
});

describe('expiry reminders', () => {
  it('a core started with no account connected reminds once one connects', async () => {
    const h = harness({ start: START, at: [[7, 12, 0]] });
    // The check at start finds no account and ends at once; the next check must still run.
    await h.core.start();
    await connect(h);
    expect(h.desktop.notifications.map((n) => n.title)).toEqual(['Telnyx key expires in 7 days']);
  });

  it('exports an .ics with one event per expiring key, with an alarm per reminder chosen in Settings', async () => {
    const h = harness([5, 40, null]);
    await connect(h);
    value(await h.core.handlers['settings.set']({ reminderLeadDays: [7, 1] }));
    const result = value(await h.core.handlers['reminders.exportCalendar'](undefined));
    expect(result).toEqual({ savedTo: '/saved/telnyx-key-expiry.ics', events: 2 });
    const text = h.desktop.savedFiles[0]?.text ?? '';
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const unfolded = text.replace(/\r\n /g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(unfolded.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(unfolded.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event.match(/TRIGGER:[^\r]+/g)).toEqual(['TRIGGER:-P7D', 'TRIGGER:-P1D']);
      expect(event).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
      expect(event).toMatch(/SUMMARY:Telnyx API key “/);
    }
  });
});

describe('replacing a key', () => {
  it('creates a key with the same tags and expiry length, saves and copies it', async () => {
    const h = harness([10]);
    await connect(h);
    const old = h.keys[0];
    if (old) {
      old.tags = ['prod', 'sms'];
      old.createdAt = iso(START.getTime() - 20 * DAY);
    }
    value(await h.core.handlers['keys.sync'](undefined));
    const replaced = value(await h.core.handlers['keys.replace']({ id: old?.id ?? '' }));
    const issued = h.simulator.state.issued[0];
    expect(replaced.created.key.tags).toEqual(['prod', 'sms']);
    expect(Date.parse(replaced.created.key.expiresAt ?? '') - START.getTime()).toBe(30 * DAY);
    expect(h.desktop.clipboard).toBe(issued?.value);
    expect(await h.secrets.get(`u:user-owner-42/key:${issued?.id}`)).toBe(issued?.value);
    expect(replaced.canDisableOld).toBe(true);
  });

  it('a disable planned for 24 hours later happens even after a restart, and says so', async () => {
    const state = createMemoryDocumentStore(DEFAULT_SETTINGS);
    const keyCache = createMemoryDocumentStore<KeyCache>({ scope: null, keys: [], syncedAt: null });
    const clock = createManualClock(START);
    const first = harness([null], { state, keyCache, clock });
    await connect(first);
    const old = first.keys[0]?.id ?? '';
    const { created } = value(await first.core.handlers['keys.replace']({ id: old }));
    const planned = value(
      await first.core.handlers['keys.scheduleDisable']({
        id: old,
        replacedBy: created.key.id,
        when: 'in-24-hours',
      }),
    );
    expect(planned.disableAt).toBe(iso(START.getTime() + DAY));

    const second = createCoreHarness({
      state,
      keyCache,
      clock,
      secrets: first.secrets,
      simulatorInstance: first.simulator,
    });
    await second.core.start();
    clock.advance(DAY - 60_000);
    await second.core.clockMoved();
    expect(first.simulator.state.keys.find((k) => k.id === old)?.status).toBe('active');
    clock.advance(60_000);
    await second.core.clockMoved();
    expect(first.simulator.state.keys.find((k) => k.id === old)?.status).toBe('inactive');
    expect(second.desktop.notifications.map((n) => n.title)).toContain('Old Telnyx key disabled, as planned');
  });

  it('re-enabling or deleting the old key cancels the planned disable', async () => {
    const h = harness([null, null]);
    await connect(h);
    const [a, b] = [h.keys[0]?.id ?? '', h.keys[1]?.id ?? ''];
    value(await h.core.handlers['keys.scheduleDisable']({ id: a, replacedBy: b, when: 'in-24-hours' }));
    value(await h.core.handlers['keys.setEnabled']({ id: a, enabled: true }));
    expect(h.accountData().scheduledDisables).toEqual([]);
    value(await h.core.handlers['keys.scheduleDisable']({ id: b, replacedBy: a, when: 'in-24-hours' }));
    value(await h.core.handlers['keys.delete']({ id: b }));
    expect(h.accountData().scheduledDisables).toEqual([]);
  });
});

describe('quick copy from the tray', () => {
  it('pinned items appear as Copy «label» and copy through the same secure copy', async () => {
    const h = harness([null]);
    await connect(h);
    const id = h.simulator.ownerKey.split('_')[0] as string;
    value(await h.core.handlers['keys.pin']({ id, pinned: true, label: 'Owner key' }));
    const item = h.desktop.tray?.menu.find((i) => i.kind === 'copy');
    expect(item && 'label' in item && item.label).toBe('Copy Owner key');
    if (item) await h.core.trayAction(item);
    expect(h.desktop.clipboard).toBe(h.simulator.ownerKey);
    expect(h.desktop.clipboardMarkedSecret).toBe(true);
    h.clock.advance(30_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.desktop.clipboard).toBe('');
  });
});
