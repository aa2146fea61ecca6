import { describe, expect, it } from 'vitest';
import { attentionHorizonDays } from '../../../../electron/common/expiry.js';
import { firstKeys } from '../../../../electron/common/key-order.js';
import { mostUsed, topTags } from '../../../../electron/common/top-tags.js';
import { NOTED_FOR_MS, noteFirstScreen } from '../../../../electron/core/keys/first-screen-ahead.js';
import { createLogger } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';
import { attentionOf } from '../../../../electron/core/reminders/attention.js';
import { createTelnyxClient } from '../../../../electron/core/telnyx/client.js';
import { createSimulator } from '../../../../electron/core/telnyx/simulator/index.js';
import type { KeyRecord } from '../../../../electron/core/telnyx/unverified.js';

const FROM = new Date('2026-03-02T10:00:00Z').getTime();
const LEAD_DAYS = [30, 7, 1];
const COUNT = 24;

/** 3,000 keys as Connect lists them, each seen as its page is parsed; some expire within the minute. */
async function listedAndNoted() {
  const simulator = createSimulator({ keyCount: 3_000, seed: 11, now: () => new Date(FROM) });
  // Keys whose place changes while the list arrives: expiring 5 s, 20 s and 50 s after it started, and one
  // a second before it did. And keys at the edges of attention: 30 days out (the longest lead time), and
  // expired a week ago but for 20 s (news until then).
  const DAY = 86_400_000;
  const offsets = [5_000, 20_000, 50_000, -1_000, 30 * DAY, 30 * DAY + 50_000, -7 * DAY + 20_000];
  for (const [i, offset] of offsets.entries()) {
    const key = simulator.state.keys[100 + i * 400];
    if (key) Object.assign(key, { expiresAt: new Date(FROM + offset).toISOString(), status: 'active' });
  }
  const client = createTelnyxClient({
    fetch: simulator.fetch,
    baseUrl: 'http://127.0.0.1:9/v2',
    apiKey: simulator.ownerKey,
    now: () => new Date(FROM),
    logger: createLogger({ redactor: new Redactor(), sink: () => undefined }),
  });
  const notes = noteFirstScreen({ from: FROM, count: COUNT, horizonDays: attentionHorizonDays(LEAD_DAYS) });
  const records = await client.listOrganizationKeys(undefined, (record) => (notes.see(record), record));
  return { records, notes };
}

/** The first screen from every record, as without notes. */
function fromAll(records: readonly KeyRecord[], now: number, pins: ReadonlySet<string>) {
  return {
    keys: firstKeys(records, new Date(now), COUNT, (r) => pins.has(r.id)).map((r) => r.id),
    attention: attentionOf({ keys: records, now: new Date(now), leadDays: LEAD_DAYS, snoozedUntil: {} }),
    tags: topTags(records, 50),
  };
}

describe('the first screen worked out while the key list arrives', () => {
  it('is the same as from every record, at any instant within the window, whatever is pinned', async () => {
    const { records, notes } = await listedAndNoted();
    const last = records.at(-1);
    const pinSets = [new Set<string>(), new Set([last?.id ?? '', records[1500]?.id ?? ''])];
    for (const after of [0, 10_000, 30_000, NOTED_FOR_MS]) {
      for (const pins of pinSets) {
        const now = FROM + after;
        const noted = notes.take(records, now, attentionHorizonDays(LEAD_DAYS));
        if (!noted) throw new Error('the notes should answer within the window');
        // As key-service does: the noted records and the pinned ones.
        const ranked = records.filter((r) => noted.ranked.includes(r) || pins.has(r.id));
        expect(ranked.length).toBeLessThan(200);
        expect({
          keys: firstKeys(ranked, new Date(now), COUNT, (r) => pins.has(r.id)).map((r) => r.id),
          attention: attentionOf({
            keys: noted.attention,
            now: new Date(now),
            leadDays: LEAD_DAYS,
            snoozedUntil: {},
          }),
          tags: mostUsed(noted.tags, 50),
        }).toEqual(fromAll(records, now, pins));
      }
    }
    // The keys that expired meanwhile moved: the first screen really differs between the two ends.
    expect(fromAll(records, FROM, new Set()).keys).not.toEqual(
      fromAll(records, FROM + 30_000, new Set()).keys,
    );
  });

  it('answers for nothing else: another list, an instant past the window, a longer horizon', async () => {
    const { records, notes } = await listedAndNoted();
    const horizon = attentionHorizonDays(LEAD_DAYS);
    expect(notes.take(records.slice(1), FROM, horizon)).toBeNull();
    expect(notes.take(records, FROM + NOTED_FOR_MS + 1, horizon)).toBeNull();
    expect(notes.take(records, FROM - 1, horizon)).toBeNull();
    expect(notes.take(records, FROM, horizon + 1)).toBeNull();
    expect(notes.take(records, FROM, 7)).not.toBeNull();
  });
});
