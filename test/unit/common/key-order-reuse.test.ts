import { describe, expect, it } from 'vitest';
import { orderKeys } from '../../../electron/common/key-order.js';
import { inDays, keyView, NOW } from '../renderer/key-fixtures.js';

const later = (ms: number) => new Date(NOW.getTime() + ms);
const ids = (keys: readonly { id: string }[]) => keys.map((k) => k.id);

describe('the order of a list that changed nothing that orders it is the last one, not a new sort', () => {
  const soon = keyView({ expiresAt: inDays(2) });
  const never = keyView({ expiresAt: null });
  const sooner = keyView({ expiresAt: new Date(NOW.getTime() + 60_000).toISOString() });
  const keys = [never, soon, sooner];

  it('a retagged key keeps its place, as its new object', () => {
    const first = orderKeys(keys, NOW);
    expect(ids(first)).toEqual([sooner.id, soon.id, never.id]);
    const retagged = { ...soon, tags: ['eu'] };
    const again = orderKeys([never, retagged, sooner], later(1_000));
    expect(ids(again)).toEqual(ids(first));
    expect(again[1]).toBe(retagged);
  });

  it('a key that expired since moves to the end; a pinned key moves to the top', () => {
    expect(ids(orderKeys(keys, NOW))).toEqual([sooner.id, soon.id, never.id]);
    expect(ids(orderKeys(keys, later(60_000)))).toEqual([soon.id, never.id, sooner.id]);
    const pinned = { ...never, pinned: true };
    expect(ids(orderKeys([pinned, soon, sooner], later(60_000)))).toEqual([pinned.id, soon.id, sooner.id]);
  });

  it('a key whose expiry changed is ordered by its new date', () => {
    expect(ids(orderKeys(keys, NOW))).toEqual([sooner.id, soon.id, never.id]);
    const moved = { ...soon, expiresAt: new Date(NOW.getTime() + 30_000).toISOString() };
    expect(ids(orderKeys([never, moved, sooner], later(1_000)))).toEqual([moved.id, sooner.id, never.id]);
  });
});
