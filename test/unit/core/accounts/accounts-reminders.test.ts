import { describe, expect, it, vi } from 'vitest';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memory-store.js';
import { createMemoryDocumentStore } from '../../../../electron/core/settings/json-store.js';
import {
  DEFAULT_SETTINGS,
  EMPTY_KEY_CACHE,
  type KeyCache,
} from '../../../../electron/core/settings/stored-state.js';
import { createSimulator, organizationFor } from '../../../../electron/core/telnyx/simulator/index.js';
import { START, createCoreHarness, value } from '../../../fixtures/core-harness.js';
import { calendarDaysLater } from '../../../fixtures/time-zones.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Production (seed 42, active) and Staging (seed 7) on one computer, Staging added second. */
async function productionAndStaging() {
  const production = createSimulator({ keyCount: 20, seed: 42, now: () => START });
  const staging = createSimulator({ keyCount: 12, seed: 7, now: () => START });
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    return organizationFor(request, [production, staging]).fetch(request);
  };
  const h = createCoreHarness({
    secrets: createMemorySecretStore(),
    state: createMemoryDocumentStore(DEFAULT_SETTINGS),
    keyCache: createMemoryDocumentStore<KeyCache>(EMPTY_KEY_CACHE),
    simulatorInstance: production,
    fetch,
  });
  value(await h.core.handlers['account.connect']({ apiKey: production.ownerKey, name: 'Production' }));
  value(await h.core.handlers['account.connect']({ apiKey: staging.ownerKey, name: 'Staging' }));
  value(await h.core.handlers['account.switch']({ id: 'u:user-owner-42' }));
  return { ...h, production, staging };
}

/** How far the tests move the clock to the next hourly check of the other accounts. */
const NEXT_CHECK = HOUR + 1000;

/**
 * A Staging key that now expires `days` calendar days after `checkedAt` (Telnyx changed it: a new expiry, a new
 * reminder), at local noon: "in 3 days" in any zone the tests run in, whatever the hour of the check.
 */
function expireStagingKeyIn(staging: ReturnType<typeof createSimulator>, checkedAt: Date, days: number) {
  const key = staging.state.keys.find((k) => k.value !== staging.ownerKey && k.userId !== 'user-gone');
  if (!key) throw new Error('no key');
  key.status = 'active';
  key.expiresAt = calendarDaysLater(checkedAt, days, 12, 0).toISOString();
  return key;
}
const nextCheck = (h: { clock: { now(): Date } }) => new Date(h.clock.now().getTime() + NEXT_CHECK);

describe('reminders across accounts', () => {
  it('a key of an account that is not active still reminds, naming its account, once', async () => {
    const h = await productionAndStaging();
    const key = expireStagingKeyIn(h.staging, nextCheck(h), 3);
    h.desktop.notifications.length = 0;
    h.clock.advance(NEXT_CHECK);
    await h.core.clockMoved();
    const about = h.desktop.notifications.filter((n) => n.keyIds.includes(key.id));
    expect(about).toHaveLength(1);
    expect(about[0]?.title).toBe('Staging: Telnyx key expires in 3 days');
    // The next check says nothing new; switching to Staging does not repeat it either (its own log).
    h.clock.advance(NEXT_CHECK);
    await h.core.clockMoved();
    value(await h.core.handlers['account.switch']({ id: 'u:user-owner-7' }));
    await h.core.clockMoved();
    expect(h.desktop.notifications.filter((n) => n.keyIds.includes(key.id))).toHaveLength(1);
  });

  it('the active account’s reminders name it too when there are several accounts', async () => {
    const h = await productionAndStaging();
    const key = h.production.state.keys.find(
      (k) => k.value !== h.production.ownerKey && k.userId !== 'user-gone',
    );
    if (!key) throw new Error('no key');
    key.status = 'active';
    key.expiresAt = calendarDaysLater(h.clock.now(), 1, 12, 0).toISOString();
    value(await h.core.handlers['keys.sync'](undefined));
    expect(h.desktop.notifications.find((n) => n.keyIds.includes(key.id))?.title).toBe(
      'Production: Telnyx key expires tomorrow',
    );
  });

  it('the tray counts every account’s keys that need attention and names each account in its tooltip', async () => {
    const h = await productionAndStaging();
    expireStagingKeyIn(h.staging, nextCheck(h), 3);
    h.clock.advance(NEXT_CHECK);
    await h.core.clockMoved();
    const tray = h.desktop.tray;
    expect(tray?.tooltip).toMatch(/^Keytray — (Production: .+ · )?Staging: \d+ keys? /);
    expect(tray?.badge).toBeGreaterThan(0);
    expect(tray?.icon).toBe('attention');
  });

  it('the calendar export holds every account’s dates, each named with its account', async () => {
    const h = await productionAndStaging();
    const key = expireStagingKeyIn(h.staging, nextCheck(h), 20);
    h.clock.advance(NEXT_CHECK);
    await h.core.clockMoved();
    const exported = value(await h.core.handlers['reminders.exportCalendar'](undefined));
    const text = h.desktop.savedFiles.at(-1)?.text ?? '';
    expect(text).toContain('(Staging) expires');
    expect(text).toContain(key.id);
    expect(text).toMatch(/\(Production\) expires/);
    expect(exported.events).toBeGreaterThan(1);
  });

  it('the demo’s keys raise no reminders once a real account exists', async () => {
    // The demo alone reminds (its seeded keys include some expiring within the week).
    const alone = createCoreHarness();
    value(await alone.core.handlers['account.connectDemo'](undefined));
    expect(alone.desktop.notifications.length).toBeGreaterThan(0);

    const h = createCoreHarness();
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    h.desktop.notifications.length = 0;
    value(await h.core.handlers['account.connectDemo'](undefined));
    h.clock.advance(2 * DAY);
    await h.core.clockMoved();
    const demoIds = new Set(h.core.demoSimulator()?.state.keys.map((k) => k.id));
    expect(h.desktop.notifications.filter((n) => n.keyIds.some((id) => demoIds.has(id)))).toEqual([]);
    // Nor are they counted in the tray: what it counts now is the real account's alone, named.
    await vi.waitFor(() => expect(h.desktop.tray?.tooltip).toMatch(/^Keytray — Account 1: /));
    expect(h.desktop.tray?.tooltip).not.toMatch(/Demo/);
    expect(alone.desktop.tray?.badge).toBeGreaterThan(0);
  });
});

describe('clicking another account’s reminder', () => {
  it('switches to that account, then shows the keys it is about', async () => {
    const h = await productionAndStaging();
    const key = expireStagingKeyIn(h.staging, nextCheck(h), 3);
    h.clock.advance(NEXT_CHECK);
    await h.core.clockMoved();
    const reminder = h.desktop.notifications.find((n) => n.keyIds.includes(key.id));
    if (!reminder) throw new Error('no reminder');
    expect(reminder.account).toBe('u:user-owner-7');
    const clicked: string[][] = [];
    h.core.events.on('notification.clicked', ({ keyIds }) => void clicked.push(keyIds));
    await h.core.openNotification(reminder);
    expect(value(await h.core.handlers['account.status'](undefined))).toMatchObject({ name: 'Staging' });
    expect(clicked).toEqual([reminder.keyIds]);
    expect(value(await h.core.handlers['keys.list'](undefined)).keys.some((k) => k.id === key.id)).toBe(true);
  });
});
