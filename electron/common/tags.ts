/** Telnyx's portal allows up to 10 tags per key. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 64;

export type TagCheck = { ok: true; tags: string[] } | { ok: false; message: string };

/**
 * Normalises a tag list the way a person expects: trimmed, empty entries dropped, duplicates (ignoring case)
 * removed keeping the first spelling. Refuses what Telnyx would refuse, in plain words.
 */
export function checkTags(input: readonly string[]): TagCheck {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const raw of input) {
    const tag = raw.trim();
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) {
      return { ok: false, message: `A tag can be at most ${MAX_TAG_LENGTH} characters long.` };
    }
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    if (/[\u0000-\u001f\u007f]/.test(tag)) {
      return { ok: false, message: 'Tags cannot contain control characters.' };
    }
    const folded = tag.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS) {
    return {
      ok: false,
      message: `A key can have at most ${MAX_TAGS} tags; this one would have ${tags.length}.`,
    };
  }
  return { ok: true, tags };
}
