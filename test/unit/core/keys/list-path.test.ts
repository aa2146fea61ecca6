import { describe, expect, it, vi } from 'vitest';
import { FIRST_SCREEN_KEYS } from '../../../../electron/common/channels.js';
import { orderKeys } from '../../../../electron/common/key-order.js';
import type { KeyList } from '../../../../electron/common/models.js';
import { TOP_TAGS, topTags } from '../../../../electron/common/top-tags.js';
import type { Result } from '../../../../electron/common/result.js';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

/** Work the core left for after its answer, run when the test says (as the shells' timer would). */
function deferred() {
  const waiting: (() => Promise<void>)[] = [];
  return {
    afterAnswer: (task: () => Promise<void>) => void waiting.push(task),
    pending: () => waiting.length,
    async run() {
      while (waiting.length > 0) await waiting.shift()?.();
    },
  };
}

describe('what a person waits for after Connect and Sync now, and what waits for them', () => {
  it('when the popup hears of the new account, the list connecting fetched is already whole', async () => {
    const h = createCoreHarness();
    const heard: Promise<Result<KeyList>>[] = [];
    h.core.events.on('account.changed', () => {
      heard.push(h.core.handlers['keys.list'](undefined));
    });
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    expect(heard).toHaveLength(1);
    const listed = value(await (heard[0] as Promise<Result<KeyList>>));
    const later = value(await h.core.handlers['keys.sync'](undefined));
    expect(listed.keys.length).toBeGreaterThan(0);
    expect(listed.keys.map((k) => k.id)).toEqual(later.keys.map((k) => k.id));
  });

  it('while a key is typed, one request without any key opens the connection to Telnyx, at most every 10 s', async () => {
    const sent: Request[] = [];
    let telnyx: typeof fetch = () => Promise.reject(new Error('no simulator yet'));
    const h = createCoreHarness({
      fetch: (input, init) => (sent.push(new Request(input, init)), telnyx(input, init)),
    });
    telnyx = h.simulator.fetch;
    expect(value(await h.core.handlers['telnyx.preconnect'](undefined))).toEqual({});
    value(await h.core.handlers['telnyx.preconnect'](undefined));
    await vi.waitFor(() => expect(h.simulator.log).toHaveLength(1));
    expect(h.simulator.log[0]).toMatchObject({ method: 'HEAD', status: 401 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('authorization')).toBeNull();
  });

  it('Connect answers with the first screen of the list it read, so the popup need not ask', async () => {
    const h = createCoreHarness();
    const { status, firstScreen } = value(
      await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }),
    );
    expect(status).toMatchObject({ connected: true, mode: 'telnyx' });
    const asked = value(await h.core.handlers['keys.list']({ first: FIRST_SCREEN_KEYS }));
    expect(firstScreen?.keys).toEqual(asked.keys);
    expect(firstScreen?.total).toBe(asked.total);
    expect(firstScreen?.attention).toEqual(asked.attention);
  });

  it('the first screen is the whole list’s first keys in the popup’s order, with how many there are', async () => {
    const h = createCoreHarness();
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    // A pinned key with no expiry must come first, whatever the records' order.
    const whole = value(await h.core.handlers['keys.list'](undefined));
    const last = whole.keys.at(-1);
    if (!last) throw new Error('no keys');
    value(await h.core.handlers['keys.pin']({ id: last.id, pinned: true }));
    const first = value(await h.core.handlers['keys.list']({ first: 5 }));
    const again = value(await h.core.handlers['keys.list'](undefined));
    const ordered = orderKeys(again.keys, new Date(again.now));
    expect(first.keys.map((k) => k.id)).toEqual(ordered.slice(0, 5).map((k) => k.id));
    expect(first.keys[0]?.id).toBe(last.id);
    expect(first.keys).toEqual(ordered.slice(0, 5));
    expect(first.total).toBe(again.keys.length);
    // No revision: the popup cannot ask for changes since a list it does not hold whole.
    expect(first.revision).toBeUndefined();
    expect(first.attention).toEqual(again.attention);
    // The quick filters and suggestions from the whole list, not from the first screen's few keys.
    expect(first.topTags).toEqual(topTags(again.keys, TOP_TAGS));
  });

  it('refuses a first screen larger than a screen', async () => {
    const h = createCoreHarness();
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const answer = await h.core.handlers['keys.list']({ first: 10_000 });
    expect(answer.ok).toBe(false);
  });

  it('Sync now answers with only what changed since the list the popup holds', async () => {
    const h = createCoreHarness();
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const held = value(await h.core.handlers['keys.list'](undefined));
    const retagged = h.simulator.state.keys.find((k) => k.value !== h.simulator.ownerKey);
    if (!retagged || held.revision === undefined) throw new Error('no key to retag, or no revision');
    retagged.tags = ['retagged'];
    const synced = value(await h.core.handlers['keys.sync']({ since: held.revision }));
    expect(synced.changedSince).toBe(held.revision);
    expect(synced.keys.find((k) => k.id === retagged.id)?.tags).toEqual(['retagged']);
    expect(synced.keys.length).toBeLessThan(held.keys.length);
    // Asked without a revision (the tray, tests, a popup that just opened): the whole list, as before.
    expect(value(await h.core.handlers['keys.sync'](undefined)).keys).toHaveLength(held.keys.length);
  });

  it('the reminder check and the tray wait until the answer is out, then happen', async () => {
    const later = deferred();
    const h = createCoreHarness({ afterAnswer: later.afterAnswer });
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    expect(h.desktop.notifications).toEqual([]);
    expect(later.pending()).toBeGreaterThan(0);
    await later.run();
    expect(h.desktop.notifications.map((n) => n.title)).toEqual([
      expect.stringMatching(/Telnyx keys? needs? attention|expires/),
    ]);
    expect(h.desktop.tray?.tooltip).toMatch(/^Keytray — /);

    value(await h.core.handlers['keys.sync'](undefined));
    expect(later.pending()).toBeGreaterThan(0);
    await later.run();
  });

  it('the list reaches the disk after the delay, and at quit at the latest', async () => {
    const h = createCoreHarness({ keyCacheWriteDelayMs: 60_000 });
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const shown = value(await h.core.handlers['keys.list'](undefined)).keys;
    expect(shown.length).toBeGreaterThan(0);
    expect(h.keyCache.read().keys).toEqual([]);
    await h.core.dispose();
    expect(h.keyCache.read().keys.map((k) => k.id)).toEqual(shown.map((k) => k.id));
  });
});
