import type { KeyView } from '../electron/common/models.js';

/** Lower-cased text to search per key, built once per list (not once per keystroke). */
export type KeyIndex = { keys: readonly KeyView[]; haystacks: string[] };

export function indexKeys(keys: readonly KeyView[]): KeyIndex {
  return { keys, haystacks: keys.map(haystackOf) };
}

/** Built once per key object: the popup keeps the objects of keys that did not change between lists. */
const haystacks = new WeakMap<KeyView, string>();
function haystackOf(k: KeyView): string {
  let text = haystacks.get(k);
  if (text === undefined) {
    text = `${k.name ?? ''} ${k.id} ${k.tags.join(' ')} ${k.userEmail ?? ''}`.toLowerCase();
    haystacks.set(k, text);
  }
  return text;
}

/**
 * Filter as you type: every word of the query must appear (in the name, the id, a tag or the user's e-mail), every
 * pressed tag must be on the key, and `onlyIds` (a reminder or the banner) narrows to those keys.
 */
export function filterKeys(
  index: KeyIndex,
  query: string,
  tags: readonly string[] = [],
  onlyIds: ReadonlySet<string> | null = null,
): KeyView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const wanted = tags.map((t) => t.toLowerCase());
  if (words.length === 0 && wanted.length === 0 && !onlyIds) return index.keys as KeyView[];
  const out: KeyView[] = [];
  for (let i = 0; i < index.keys.length; i++) {
    const key = index.keys[i] as KeyView;
    if (onlyIds && !onlyIds.has(key.id)) continue;
    const haystack = index.haystacks[i] as string;
    if (!words.every((w) => haystack.includes(w))) continue;
    if (wanted.length && !wanted.every((t) => key.tags.some((kt) => kt.toLowerCase() === t))) continue;
    out.push(key);
  }
  return out;
}
