/**
 * A v2 API key is `KEY` + 32 hex + `_` + a 22-char base64url secret. The part before the first `_` is the
 * key's id: safe to show, and it links a pasted full key to its listed record. The secret itself may contain
 * `_`, so the split is at the first one. Test keys may carry other letters after `KEY` (`KEYTEST…`), so the
 * id rule is looser than the documented shape; Telnyx has the last word when the key is used.
 */
export const KEY_ID_PATTERN = /^KEY[0-9A-Za-z]{4,64}$/;
const SECRET_PART_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export type ParsedKey = { id: string };

/** Returns the key id of a full key value, or null when the value is not shaped like a v2 API key. */
export function parseKeyValue(value: string): ParsedKey | null {
  const underscore = value.indexOf('_');
  if (underscore < 0) return null;
  const id = value.slice(0, underscore);
  const secret = value.slice(underscore + 1);
  if (!KEY_ID_PATTERN.test(id) || !SECRET_PART_PATTERN.test(secret)) return null;
  return { id };
}

/** A short form for tight places: `KEY01…AB34`. */
export function shortKeyId(id: string): string {
  return id.length <= 12 ? id : `${id.slice(0, 5)}…${id.slice(-4)}`;
}
