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

/** The default order (see above). A new array; 10,000 keys sort once per list, not per keystroke. */
export function orderKeys(keys: readonly KeyView[], now: Date): KeyView[] {
  const at = now.getTime();
  const reused = last !== null && at >= last.at && at < last.until ? sameOrderAs(last, keys) : null;
  if (reused && last) {
    last = { ...last, keys, order: reused, at };
    return reused;
  }
  const ranked = keys.map((key) => ({ key, group: group(key, now), expiry: expiryOrder(key) }));
  ranked.sort(
    (a, b) =>
      a.group - b.group || a.expiry - b.expiry || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0),
  );
  const order = ranked.map((r) => r.key);
  // Until the next key expires (it moves to the end), the order depends on nothing but the keys.
  let until = Infinity;
  for (const key of keys) {
    const expiry = expiryAt(key);
    if (expiry !== null && expiry > at && expiry < until) until = expiry;
  }
  last = { keys, order, at, until };
  return order;
}

/**
 * The last order, kept for the next list: a sync that changed a tag (main sends only what changed, and the
 * popup keeps the other keys' objects) need not sort 10,000 keys again.
 */
let last: { keys: readonly KeyView[]; order: KeyView[]; at: number; until: number } | null = null;

/**
 * The last order for these keys, when they are the same keys in the same places and nothing that orders them
 * changed (pinned, status, expiry): with the new objects, or the same array when there are none. Else null.
 */
function sameOrderAs(before: NonNullable<typeof last>, keys: readonly KeyView[]): KeyView[] | null {
  if (before.keys.length !== keys.length) return null;
  let swapped: Map<KeyView, KeyView> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const was = before.keys[i] as KeyView;
    const now = keys[i] as KeyView;
    if (was === now) continue;
    if (
      was.id !== now.id ||
      was.pinned !== now.pinned ||
      was.status !== now.status ||
      was.expiresAt !== now.expiresAt ||
      was.unreadable.includes('expiresAt') !== now.unreadable.includes('expiresAt')
    ) {
      return null;
    }
    (swapped ??= new Map()).set(was, now);
  }
  if (swapped === null) return before.order;
  const swaps = swapped;
  return before.order.map((key) => swaps.get(key) ?? key);
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
