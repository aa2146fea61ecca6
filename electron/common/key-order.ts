import { expiryTime, isExpired } from './expiry.js';
import type { KeyView } from './models.js';

/**
 * The order a person finds keys in, and which key Enter copies. Pinned keys first; then keys that work, the
 * soonest to expire first and the never-expiring (or of unknown expiry) after them; then disabled keys;
 * expired keys last. Within a group, by expiry and then by id, so the order never jumps between refreshes.
 */

/** What ordering looks at: a view, or a record with where its pin is (`firstKeys`). */
export type Orderable = Pick<KeyView, 'id' | 'status' | 'expiresAt' | 'unreadable'>;

/** 0 pinned, 1 working, 2 disabled, 3 expired. Each expiry is parsed once per key object (`expiryTime`). */
function group(key: Orderable, pinned: boolean, now: Date): number {
  const at = expiryTime(key);
  // As `isExpired`, with the expiry parsed once.
  if (key.status === 'expired' || (at !== null && at <= now.getTime())) return 3;
  if (pinned) return 0;
  return key.status === 'inactive' ? 2 : 1;
}

/** The expiry to sort by: none (never, or unknown) sorts after every date. */
const expiryOrder = (key: Orderable) =>
  key.expiresAt === null || key.unreadable.includes('expiresAt') ? Infinity : (expiryTime(key) ?? Infinity);

export type Ranked<T> = { key: T; group: number; expiry: number };
const byRank = <T extends Orderable>(a: Ranked<T>, b: Ranked<T>) =>
  a.group - b.group || a.expiry - b.expiry || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0);

/**
 * The last ranks (in the order the keys came) and the order they gave: a sync that changed a tag (main sends
 * only what changed, and the popup keeps the other keys' objects) need not sort 10,000 keys again.
 */
let last: { ranks: Ranked<KeyView>[]; order: KeyView[] } | null = null;

/** The default order (see above). A new array; 10,000 keys sort once per list, not per keystroke. */
export function orderKeys(keys: readonly KeyView[], now: Date): KeyView[] {
  const ranks = keys.map((key) => ({ key, group: group(key, key.pinned, now), expiry: expiryOrder(key) }));
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
  last = { ranks, order: [...ranks].sort(byRank).map((r) => r.key) };
  return last.order;
}

/**
 * The first `count` keys of `orderKeys`'s order, without sorting them all: main answers the popup's first
 * screen with these (`keys.list({ first })`) from its records, before it has built 10,000 views.
 */
export function firstKeys<T extends Orderable>(
  keys: readonly T[],
  now: Date,
  count: number,
  isPinned: (key: T) => boolean,
): T[] {
  const top: Ranked<T>[] = [];
  for (const key of keys) keepTop(top, key, group(key, isPinned(key), now), count);
  return top.map((r) => r.key);
}

/** Keeps `key` in `top` (the best `count` so far, best first) if it ranks among them. */
export function keepTop<T extends Orderable>(top: Ranked<T>[], key: T, rank: number, count: number): void {
  const expiry = expiryOrder(key);
  const worst = top.length === count ? top[count - 1] : undefined;
  // Most keys rank below the worst kept: compared without building their rank (10,000 objects, cold).
  if (worst && (rank > worst.group || (rank === worst.group && expiry > worst.expiry))) return;
  const ranked = { key, group: rank, expiry };
  if (worst && byRank(ranked, worst) >= 0) return;
  let low = 0;
  let high = top.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byRank(top[middle] as Ranked<T>, ranked) <= 0) low = middle + 1;
    else high = middle;
  }
  top.splice(low, 0, ranked);
  if (top.length > count) top.pop();
}

/** The group `orderKeys` puts a key in (see `group`), for `keepTop`. */
export const groupOf = (key: Orderable, pinned: boolean, now: Date): number => group(key, pinned, now);

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
