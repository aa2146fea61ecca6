import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../electron/core/clock/manual-clock.js';
import { createMemoryDocumentStore } from '../../../../electron/core/settings/json-store.js';
import { DEFAULT_STATE, type KeyCache } from '../../../../electron/core/settings/stored-state.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A simulated organization where only the keys we set up expire. */
function harness(expiries: (number | null)[], extra: Parameters<typeof createCoreHarness>[0] = {}) {
  const h = createCoreHarness({ simulator: { keyCount: expiries.length + 2 }, ...extra });
  const connectable = [h.simulator.ownerKey, h.simulator.memberKey];
  const keys = h.simulator.state.keys.filter(
    (k) => k.userId !== 'user-gone' && !connectable.includes(k.value),
  );
  keys.forEach((key, i) => {
    const days = i < expiries.length ? expiries[i] : null;
    key.expiresAt = days === null || days === undefined ? null : iso(START.getTime() + days * DAY);
    key.status = 'active';
  });
  for (const key of h.simulator.state.keys) if (connectable.includes(key.value)) key.expiresAt = null;
  return { ...h, keys };
}

async function connect(h: ReturnType<typeof harness>) {
  value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
  value(await h.core.handlers['keys.sync'](undefined));
}

describe('expiry reminders', () => {
  it('one notification per key per lead time, with the key named by its tags and id', async () => {
    const h = harness([8.2]);
    h.keys[0]?.tags.splice(0, h.keys[0].tags.length, 'prod', 'sms');
    await connect(h);
    expect(h.desktop.notifications).toHaveLength(1);
    expect(h.desktop.notifications[0]?.title).toBe('Telnyx key expires in 8 days');
    h.clock.advance(DAY);
    await h.core.clockMoved();
    expect(h.desktop.notifications).toHaveLength(2);
    const note = h.desktop.notifications[1];
    expect(note?.title).toBe('Telnyx key expires in 7 days');
    expect(note?.body).toMatch(
      /^KEY\w{2}…\w{4} \(prod, sms\) stops working on \w{3} \d{1,2} \w{3} — anything using it will fail\.$/,
    );
    expect(note?.keyIds).toEqual([h.keys[0]?.id]);
    h.clock.advance(3_600_000);
    await h.core.clockMoved();
    expect(h.desktop.notifications).toHaveLength(2);
  });

  it('several keys crossing a lead time at once make one grouped notification', async () => {
    const h = harness([6.5, 6.6, 6.7, 6.8]);
    await connect(h);
    expect(h.desktop.notifications).toHaveLength(1);
    expect(h.desktop.notifications[0]?.title).toBe('4 Telnyx keys need attention');
    expect(h.desktop.notifications[0]?.body).toMatch(/expires in 6 days; .*, and 1 more\.$/);
    expect(h.desktop.notifications[0]?.keyIds).toHaveLength(4);
  });

  it('is never repeated across a restart (state reloaded from settings)', async () => {
    const state = createMemoryDocumentStore(DEFAULT_STATE);
    const keyCache = createMemoryDocumentStore<KeyCache>({ keys: [], syncedAt: null });
    const clock = createManualClock(START);
    const first = harness([7.5], { state, keyCache, clock });
    await connect(first);
    expect(first.desktop.notifications).toHaveLength(1);
    const second = createCoreHarness({
      state,
      keyCache,
      clock,
      secrets: first.secrets,
      simulatorInstance: first.simulator,
    });
    await second.core.start();
    await second.core.clockMoved();
    expect(second.desktop.notifications).toEqual([]);
  });

  it('a long sleep catches up with one notification, not one per missed day', async () => {
    const h = harness([20.5]);
    await connect(h);
    expect(h.desktop.notifications).toHaveLength(1);
    h.clock.advance(20 * DAY);
    await h.core.clockMoved();
    expect(h.desktop.notifications).toHaveLength(2);
    expect(h.desktop.notifications[1]?.title).toBe('Telnyx key expires today');
  });

  it('disabled keys are not reminded', async () => {
    const h = harness([3]);
    if (h.keys[0]) h.keys[0].status = 'inactive';
    await connect(h);
    expect(h.desktop.notifications).toEqual([]);
  });

  it('snoozing for a day holds the reminder back until then', async () => {
    const h = harness([40]);
    await connect(h);
    const id = h.keys[0]?.id ?? '';
    h.clock.advance(11 * DAY);
    value(await h.core.handlers['reminders.snooze']({ keyId: id, until: 'tomorrow' }));
    await h.core.clockMoved();
    expect(h.desktop.notifications).toEqual([]);
    h.clock.advance(DAY);
    await h.core.clockMoved();
    expect(h.desktop.notifications.map((n) => n.title)).toEqual(['Telnyx key expires in 28 days']);
  });

  it('exports an .ics with one event and one alarm per expiring key', async () => {
    const h = harness([5, 40, null]);
    await connect(h);
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
      expect(event.match(/BEGIN:VALARM/g)).toHaveLength(1);
      expect(event).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
      expect(event).toMatch(/SUMMARY:Telnyx API key KEY/);
      expect(event).toMatch(/TRIGGER:-P7D/);
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
    expect(await h.secrets.get(`key:${issued?.id}`)).toBe(issued?.value);
    expect(replaced.canDisableOld).toBe(true);
  });

  it('a disable planned for 24 hours later happens even after a restart, and says so', async () => {
    const state = createMemoryDocumentStore(DEFAULT_STATE);
    const keyCache = createMemoryDocumentStore<KeyCache>({ keys: [], syncedAt: null });
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
    expect(h.state.read().scheduledDisables).toEqual([]);
    value(await h.core.handlers['keys.scheduleDisable']({ id: b, replacedBy: a, when: 'in-24-hours' }));
    value(await h.core.handlers['keys.delete']({ id: b }));
    expect(h.state.read().scheduledDisables).toEqual([]);
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
