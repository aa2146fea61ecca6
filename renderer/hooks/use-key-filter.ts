import { useCallback, useMemo, useState } from 'react';
import type { KeyView } from '../../electron/common/models.js';
import { isUnused } from '../../electron/common/unused-keys.js';
import { filterKeys, indexKeys } from '../filter-keys.js';
import { orderKeys, soonestFirst } from '../../electron/common/key-order.js';

/** The list narrowed to some keys (a reminder's, or the banner's "Show"), and why, in words. */
export type OnlyKeys = {
  ids: Set<string>;
  why: string;
  /** Opened from a reminder or the banner: its keys can be snoozed from the filter's own banner. */
  snoozable: boolean;
};

/**
 * What the key list shows: the keys in their default order (`orderKeys`), narrowed by the search, the pressed
 * tags, and `only` or the unused filter; a reminder's keys soonest first. `clear()` forgets them all (the
 * popup hid: it must never open on a stale filter).
 */
export function useKeyFilter(keys: readonly KeyView[], now: Date, unusedDays = 90) {
  const [query, setQuery] = useState('');
  const [pressedTags, setPressedTags] = useState<string[]>([]);
  const [only, setOnlyKeys] = useState<OnlyKeys | null>(null);
  /** "Not used for «n» days" pressed: a rule, not a set of ids, so a change of `unusedDays` applies at once. */
  const [unused, setUnused] = useState(false);
  const ordered = useMemo(() => orderKeys(keys, now), [keys, now]);
  const index = useMemo(() => indexKeys(ordered), [ordered]);
  const shown = useMemo(() => {
    const found = filterKeys(index, query, pressedTags, only?.ids ?? null);
    if (unused) return found.filter((k) => isUnused(k, now, unusedDays));
    return only ? soonestFirst(found) : found;
  }, [index, query, pressedTags, only, unused, now, unusedDays]);
  // One narrowing at a time: a reminder's keys replace the unused filter, and the other way round.
  const setOnly = useCallback((next: OnlyKeys | null) => {
    setOnlyKeys(next);
    if (next) setUnused(false);
  }, []);
  const toggleUnused = useCallback(() => {
    setOnlyKeys(null);
    setUnused((on) => !on);
  }, []);
  const toggleTag = useCallback(
    (tag: string) => setPressedTags((p) => (p.includes(tag) ? p.filter((t) => t !== tag) : [...p, tag])),
    [],
  );
  const clear = useCallback(() => {
    setQuery('');
    setPressedTags([]);
    setOnlyKeys(null);
    setUnused(false);
  }, []);
  return { query, setQuery, pressedTags, toggleTag, only, setOnly, unused, toggleUnused, shown, clear };
}
