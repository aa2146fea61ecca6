import { isExpired } from '../electron/common/expiry.js';
import type { KeyView } from '../electron/common/models.js';

/**
 * The order a person finds keys in, and which key Enter copies. Pinned keys first; then keys that work, the
 * soonest to expire first and the never-expiring (or of unknown expiry) after them; then disabled keys;
 * expired keys last. Within a group, by expiry and then by id, so the order never jumps between refreshes.
 */

/**
 * Each key's expiry as a number, parsed once per key object: every list that arrives is ordered again, and
 * the popup keeps the objects of keys that did not change (`mergeKeyList`), so 10,000 keys are not parsed
 * 20,000 times for a sync that changed one.
 */
const parsedExpiry = new WeakMap<KeyView, number | null>();
function expiryAt(key: KeyView): number | null {
  let at = parsedExpiry.get(key);
  if (at === undefined) {
    at = key.expiresAt === null ? null : Date.parse(key.expiresAt);
    parsedExpiry.set(key, at);
  }
  return at;
}

/** 0 pinned, 1 working, 2 disabled, 3 expired. */
function group(key: KeyView, now: Date): number {
  const at = expiryAt(key);
  // As `isExpired`, with the expiry parsed once.
  if (key.status === 'expired' || (at !== null && at <= now.getTime())) return 3;
  if (key.pinned) return 0;
  return key.status === 'inactive' ? 2 : 1;
}

/** The expiry to sort by: none (never, or unknown) sorts after every date. */
const expiryOrder = (key: KeyView) =>
  key.expiresAt === null || key.unreadable.includes('expiresAt') ? Infinity : (expiryAt(key) ?? Infinity);

type Ranked = { key: KeyView; group: number; expiry: number };
/**
 * The last ranks (in the order the keys came) and the order they gave: a sync that changed a tag (main sends
 * only what changed, and the popup keeps the other keys' objects) need not sort 10,000 keys again.
 */
let last: { ranks: Ranked[]; order: KeyView[] } | null = null;

/** The default order (see above). A new array; 10,000 keys sort once per list, not per keystroke. */
export function orderKeys(keys: readonly KeyView[], now: Date): KeyView[] {
  const ranks = keys.map((key) => ({ key, group: group(key, now), expiry: expiryOrder(key) }));
  const before = last;
  // The same keys, each ranked as last time (now included: one that expired since moves): the same order.
  if (
    before?.ranks.length === ranks.length &&
    ranks.every((r, i) => {
      const was = before.ranks[i];
      return r.key.id === was?.key.id && r.group === was.group && r.expiry === was.expiry;
    })
  ) {
    const current = new Map(keys.map((key) => [key.id, key]));
    last = { ranks, order: before.order.map((key) => current.get(key.id) ?? key) };
    return last.order;
  }
  const sorted = [...ranks].sort(
    (a, b) =>
      a.group - b.group || a.expiry - b.expiry || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0),
  );
  last = { ranks, order: sorted.map((r) => r.key) };
  return last.order;
}

/** Soonest expiry first, whatever else: how a reminder's keys are listed (the most urgent on top). */
export function soonestFirst(keys: readonly KeyView[]): KeyView[] {
  return [...keys].sort((a, b) => expiryOrder(a) - expiryOrder(b));
}

/**
 * Whether Enter in Search may copy this key: one that works and keeps working. Not a disabled or expired key,
 * nor one Keytray is about to disable (after a Replace, Enter must copy the new key, not the old).
 */
export function enterMayCopy(key: KeyView, now: Date): boolean {
  return (
    key.status !== 'inactive' &&
    key.status !== 'expired' &&
    !isExpired(key.expiresAt, now) &&
    key.disableAt === null
  );
}
