/**
 * Text from people and from Telnyx (names, tags, pin labels) reaches native UI that gives some characters a
 * meaning. Escape it there, so what shows is what was typed.
 */

/**
 * Menus on every platform read `&` as "underline the next letter" (Windows and Linux mnemonics; macOS drops
 * it, Chromium's `FixUpWindowsStyleLabel`). `&&` shows one `&`: `R&D` stays `R&D` instead of `RD`.
 */
export function menuLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * Linux notification servers read the body as markup (the freedesktop spec's `body-markup`: `<b>`, `<a>`,
 * `<img>`, entities), and Electron passes it through unescaped (shell/browser/notifications/linux/
 * libnotify_notification.cc), so a tag like `<b>x</b>` or `a&b` would render as markup or vanish. macOS and
 * Windows show the body as plain text. The rare server without `body-markup` shows the entities as typed:
 * we cannot ask which one runs, and showing `&amp;` beats running markup.
 */
export function notificationBody(text: string, platform: NodeJS.Platform): string {
  if (platform !== 'linux') return text;
  return text.replace(/[&<>"']/g, (c) => MARKUP_ENTITIES[c] ?? c);
}

const MARKUP_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
