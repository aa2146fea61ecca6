import { isPlainText } from './text.js';

/** Telnyx's portal allows up to 10 tags per key. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 64;

export type TagCheck = { ok: true; tags: string[] } | { ok: false; message: string };

/**
 * Normalises a tag list the way a person expects: trimmed, empty entries dropped, duplicates (ignoring case)
 * removed keeping the first spelling. Refuses what Telnyx would refuse, and characters that do harm in
 * native UI and files (`isPlainText`), in plain words.
 *
 * `existing` is what the key already carries in Telnyx. Those tags pass exactly as they are (not trimmed,
 * not checked, not folded into one another), so an edit never rewrites a tag someone set elsewhere behind
 * the person's back; only tags typed in Keytray are held to the rules. Leave it empty for a new key.
 */
export function checkTags(
  input: readonly string[],
  options: { existing?: readonly string[] } = {},
): TagCheck {
  const existing = new Set(options.existing ?? []);
  const kept = input.filter((tag) => existing.has(tag));
  const tags: string[] = [];
  // Kept tags claim their spelling first, wherever they stand in the list, so a typed "PROD" never
  // displaces the key's own "prod".
  const seen = new Set(kept.map((tag) => tag.toLowerCase()));
  const keptSeen = new Set<string>();
  for (const raw of input) {
    if (existing.has(raw)) {
      // Exact repeats only: Telnyx may hold "prod" and "Prod" side by side, and both stay.
      if (!keptSeen.has(raw)) tags.push(raw);
      keptSeen.add(raw);
      continue;
    }
    const tag = raw.trim();
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) {
      return { ok: false, message: `A tag can be at most ${MAX_TAG_LENGTH} characters long.` };
    }
    if (!isPlainText(tag)) {
      return {
        ok: false,
        message:
          'Tags can hold letters, digits, spaces and punctuation, not control or text-direction characters.',
      };
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
