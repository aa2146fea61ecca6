/**
 * Text that people name things with ends up in native UI (tray menu labels, notifications) and files (the
 * calendar export), where some characters do harm: control characters break lines or menus, and the
 * bidirectional embeddings, overrides and isolates make a label read differently from what it holds
 * ("Trojan Source", CVE-2021-42574). Line and paragraph separators count too: native UI draws them as a
 * line break, like `\n`. A lone surrogate half is not a character at all: native UI shows U+FFFD for it.
 *
 * Pure and dependency-free, so the popup can use it for display without the validators.
 */

/**
 * C0 controls, DEL and C1 controls; U+2028/U+2029 (line and paragraph separators); the bidi embeddings and
 * overrides U+202A–U+202E and isolates U+2066–U+2069; lone surrogate halves.
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Shown in place of each unsafe character: visible, so nothing hides in a label, and never a line break. */
export const REPLACEMENT_CHARACTER = '\ufffd';

/** The plain-words reason a name, label or typed tag was refused (zod messages and `checkTags`). */
export const PLAIN_TEXT_PROBLEM =
  'use letters, digits, spaces and punctuation only (no control or text-direction characters)';

/** True when `text` has none of the characters above: what names, pin labels and typed tags must be. */
export function isPlainText(text: string): boolean {
  return !UNSAFE.test(text);
}

/**
 * Text safe to show, for values Keytray keeps as they came (tags set in Telnyx's portal or API): each unsafe
 * character becomes U+FFFD. Only for display: the stored value is never rewritten behind the person's back.
 */
export function displayText(text: string): string {
  return text.replace(UNSAFE_ALL, REPLACEMENT_CHARACTER);
}
