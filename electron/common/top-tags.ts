/**
 * The most used tags, apart from tags.ts: the popup's first screen needs these two and not the rules for typed
 * tags (a module goes whole into the chunk that loads it first).
 */

/**
 * The most used tags, for the quick filters and the tag suggestions. Main sends them with a first screen
 * (`KeyList.topTags`), whose few keys would suggest other tags than the whole list does.
 */
/** How many of the most used tags the popup offers (the quick filters show the first few). */
export const TOP_TAGS = 50;

export function topTags(keys: readonly { tags: readonly string[] }[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const key of keys) countTags(key, counts);
  return mostUsed(counts, limit);
}

/** Adds a key's tags to `counts` (tag → how many keys have it). */
export function countTags(key: { tags: readonly string[] }, counts: Map<string, number>): void {
  for (const tag of key.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
}

/** The `limit` most used of the counted tags (see `topTags`). */
export function mostUsed(counts: ReadonlyMap<string, number>, limit: number): string[] {
  return (
    [...counts.entries()]
      // Ties by code unit, not `localeCompare`: its first call loads the locale's collation (~6 ms, when
      // Connect's first screen is on its way), and the order only needs to be the same every time.
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, limit)
      .map(([tag]) => tag)
  );
}
