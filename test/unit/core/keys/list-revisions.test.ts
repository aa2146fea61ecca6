import { describe, expect, it } from 'vitest';
import type { KeyView } from '../../../../electron/common/models.js';
import { createKeyViews } from '../../../../electron/core/keys/key-views.js';
import { createListRevisions } from '../../../../electron/core/keys/list-revisions.js';
import type { KeyRecord } from '../../../../electron/core/telnyx/unverified.js';

const record = (n: number, over: Partial<KeyRecord> = {}): KeyRecord => ({
  id: `KEY${String(n).padStart(32, '0')}`,
  userId: 'user-1',
  userEmail: null,
  status: 'active',
  statusWord: null,
  tags: ['prod'],
  expiresAt: null,
  lastUsedAt: null,
  createdAt: null,
  unreadable: [],
  ...over,
});
const NO_FACTS = {
  inKeychain: new Set<string>(),
  unsaved: new Map<string, string>(),
  pins: new Map<string, string | null>(),
  disables: new Map<string, string>(),
  names: {},
};
const ids = (views: readonly KeyView[]) => views.map((v) => v.id);

describe('the key list crosses to the popup once, then only what changed', () => {
  it('a fresh list from Telnyx with one tag changed answers that one key, and the same list again answers none', () => {
    const views = createKeyViews();
    const revisions = createListRevisions();
    const first = views.build([record(1), record(2), record(3)], NO_FACTS);
    const r1 = revisions.record(first);

    // A sync parses every record anew: equal records keep their views; the one with a new tag does not.
    const synced = views.build([record(1), record(2, { tags: ['prod', 'eu'] }), record(3)], NO_FACTS);
    expect(synced[0]).toBe(first[0]);
    expect(synced[1]).not.toBe(first[1]);
    const r2 = revisions.record(synced);
    expect(r2).toBe(r1 + 1);
    expect(revisions.since(synced, r1)).toEqual({ keys: [synced[1]], order: null });
    expect(revisions.since(synced, r2)).toEqual({ keys: [], order: null });

    // Nothing changed: the revision stays, and asking since it answers nothing.
    const again = views.build([record(1), record(2, { tags: ['prod', 'eu'] }), record(3)], NO_FACTS);
    expect(revisions.record(again)).toBe(r2);
    expect(revisions.since(again, r2)?.keys).toEqual([]);
  });

  it('what Keytray adds to a key (pinned, a name, its full key held) counts as a change of that key', () => {
    const views = createKeyViews();
    const revisions = createListRevisions();
    const r1 = revisions.record(views.build([record(1), record(2)], NO_FACTS));
    const pinned = views.build([record(1), record(2)], {
      ...NO_FACTS,
      pins: new Map([[record(2).id, 'Billing']]),
      names: { [record(1).id]: 'Zapier' },
    });
    revisions.record(pinned);
    expect(revisions.since(pinned, r1)?.keys).toEqual([
      expect.objectContaining({ id: record(1).id, name: 'Zapier' }),
      expect.objectContaining({ id: record(2).id, pinned: true, pinLabel: 'Billing' }),
    ]);
  });

  it('keys that came, went or moved send the new order, with the new keys in full', () => {
    const views = createKeyViews();
    const revisions = createListRevisions();
    const r1 = revisions.record(views.build([record(1), record(2), record(3)], NO_FACTS));
    const next = views.build([record(4), record(1), record(3)], NO_FACTS);
    revisions.record(next);
    const changes = revisions.since(next, r1);
    expect(changes?.order).toEqual(ids(next));
    expect(ids(changes?.keys ?? [])).toEqual([record(4).id]);
  });

  it('a revision from before another account was connected, or one never given, gets the whole list', () => {
    const views = createKeyViews();
    const revisions = createListRevisions();
    const r1 = revisions.record(views.build([record(1)], NO_FACTS));
    expect(revisions.since([], r1 + 5)).toBeNull();
    revisions.reset();
    const other = views.build([record(7)], NO_FACTS);
    const r2 = revisions.record(other);
    expect(r2).toBeGreaterThan(r1);
    expect(revisions.since(other, r1)).toBeNull();
    expect(revisions.since(other, r2)).toEqual({ keys: [], order: null });
  });
});
