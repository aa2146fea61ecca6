import { useCallback, useMemo, useState } from 'react';
import type { KeyView } from '../../electron/common/models.js';
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
 * tags and `only`; a reminder's keys soonest first. `clear()` forgets all three (the popup hid: it must never
 * open on a stale filter).
 */
export function useKeyFilter(keys: readonly KeyView[], now: Date) {
  const [query, setQuery] = useState('');
  const [pressedTags, setPressedTags] = useState<string[]>([]);
  const [only, setOnly] = useState<OnlyKeys | null>(null);
  const ordered = useMemo(() => orderKeys(keys, now), [keys, now]);
  const index = useMemo(() => indexKeys(ordered), [ordered]);
  const shown = useMemo(() => {
    const found = filterKeys(index, query, pressedTags, only?.ids ?? null);
    return only ? soonestFirst(found) : found;
  }, [index, query, pressedTags, only]);
  const toggleTag = useCallback(
    (tag: string) => setPressedTags((p) => (p.includes(tag) ? p.filter((t) => t !== tag) : [...p, tag])),
    [],
  );
  const clear = useCallback(() => {
    setQuery('');
    setPressedTags([]);
    setOnly(null);
  }, []);
  return { query, setQuery, pressedTags, toggleTag, only, setOnly, shown, clear };
}
