import type { ServerResponse } from 'node:http';

/**
 * What a response may be embedded in. Only the popup document may be framed, and only by the preview's own
 * desktop page (same origin, same port); everything else refuses every frame. A page on another local port
 * is a different origin, so `'self'` keeps it out even though browsers treat it as the same site.
 */
export type Framing = 'none' | 'same-origin';

/** The desktop page's own policy: its scripts and styles from this origin only, and the popup iframe. */
export const DESKTOP_PAGE_CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The popup document: renderer/index.html's meta tag carries its full policy (the Electron shell uses the
 * same file); a meta tag cannot say `frame-ancestors`, so the header adds it.
 */
export const POPUP_DOCUMENT_CSP = "frame-ancestors 'self'; object-src 'none'; base-uri 'none'";

/** Everything else (scripts, styles, JSON, the event streams, refusals) is never a document. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sets the headers every preview response carries, before any route writes: no framing by other origins
 * (clickjacking the signed-in popup), no referrer (an address never travels to another site), no caching,
 * no sniffing, and no embedding of these responses by another origin.
 */
export function setSecurityHeaders(
  res: ServerResponse,
  options: { framing?: Framing; csp?: string } = {},
): void {
  const framing = options.framing ?? 'none';
  res.setHeader('content-security-policy', options.csp ?? DEFAULT_CSP);
  res.setHeader('x-frame-options', framing === 'none' ? 'DENY' : 'SAMEORIGIN');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}
