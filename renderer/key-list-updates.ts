import type { KeyList } from '../electron/common/models.js';

/**
 * The popup's copy of the key list, kept up to date from main's answers. Main sends the whole list once, then
 * (asked with `since`, the revision held here) only the keys that changed after it, and the id order when
 * keys came, went or moved (`KeyList.changedSince`, `order`): a sync that changes one tag of 10,000 keys
 * crosses the bridge as one key, not 10,000.
 *
 * Returns the list to show, or null when this answer cannot be applied to the list held (it describes
 * changes since another revision): then ask for the whole list again. Keys that did not change keep their
 * objects, and the array itself is kept when nothing in it changed, so nothing downstream is rebuilt for them.
 */
export function mergeKeyList(held: KeyList | null, answer: KeyList): KeyList | null {
  const { changedSince, order, ...rest } = answer;
  if (changedSince === undefined) return rest;
  if (held === null || held.revision !== changedSince) {
    // Older than what is held (a late answer): keep what is held.
    const stale =
      held?.revision !== undefined && answer.revision !== undefined && answer.revision <= held.revision;
    return stale ? held : null;
  }
  const changed = new Map(answer.keys.map((k) => [k.id, k]));
  let keys = held.keys;
  if (order) {
    const before = new Map(held.keys.map((k) => [k.id, k]));
    const next = [];
    for (const id of order) {
      const key = changed.get(id) ?? before.get(id);
      if (!key) return null;
      next.push(key);
    }
    keys = next;
  } else if (changed.size > 0) {
    let found = 0;
    keys = held.keys.map((k) => {
      const update = changed.get(k.id);
      if (update) found++;
      return update ?? k;
    });
    // A key that changed but is not in the list held, with no new order: this answer is not for this list.
    if (found !== changed.size) return null;
  }
  return { ...rest, keys };
}
