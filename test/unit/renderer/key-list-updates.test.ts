import { describe, expect, it } from 'vitest';
import type { KeyList } from '../../../electron/common/models.js';
import { mergeKeyList } from '../../../renderer/key-list-updates.js';
import { keyList, keyView } from './key-fixtures.js';

const at = (list: KeyList, revision: number): KeyList => ({ ...list, revision });

describe('the popup keeps its list from main’s answers: the whole list once, then what changed', () => {
  const a = keyView({ tags: ['prod'] });
  const b = keyView();
  const c = keyView();
  const whole = at(keyList([a, b, c]), 1);

  it('a whole list is taken as it is', () => {
    expect(mergeKeyList(null, whole)).toEqual(whole);
  });

  it('a changed key replaces its row; the others keep their objects', () => {
    const retagged = { ...a, tags: ['prod', 'eu'] };
    const merged = mergeKeyList(whole, { ...at(keyList([retagged]), 2), changedSince: 1 });
    expect(merged?.keys).toEqual([retagged, b, c]);
    expect(merged?.keys[1]).toBe(b);
    expect(merged?.revision).toBe(2);
    expect(merged).not.toHaveProperty('changedSince');
  });

  it('nothing changed: the same array, so nothing downstream is rebuilt', () => {
    const merged = mergeKeyList(whole, { ...at(keyList([]), 1), changedSince: 1 });
    expect(merged?.keys).toBe(whole.keys);
  });

  it('a new order brings keys that came and drops keys that went', () => {
    const d = keyView();
    const merged = mergeKeyList(whole, {
      ...at(keyList([d]), 2),
      changedSince: 1,
      order: [d.id, c.id, a.id],
    });
    expect(merged?.keys).toEqual([d, c, a]);
  });

  it('changes since a revision the popup does not hold ask for the whole list; a late answer is ignored', () => {
    expect(mergeKeyList(whole, { ...at(keyList([]), 3), changedSince: 2 })).toBeNull();
    expect(mergeKeyList(null, { ...at(keyList([]), 3), changedSince: 2 })).toBeNull();
    const newer = at(keyList([a, b, c]), 4);
    expect(mergeKeyList(newer, { ...at(keyList([]), 3), changedSince: 2 })).toBe(newer);
  });

  it('an order naming a key the popup never had asks for the whole list', () => {
    expect(mergeKeyList(whole, { ...at(keyList([]), 2), changedSince: 1, order: [keyView().id] })).toBeNull();
  });
});
