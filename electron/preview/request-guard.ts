import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Why a request was turned away: the status and a short plain sentence for the body. */
export type Refusal = { status: 401 | 403 | 405 | 415 | 421; message: string };

/** The header that carries the run's token: never a cookie, which every port on 127.0.0.1 would receive. */
export const TOKEN_HEADER = 'x-keytray-token';

/** Said when the token is missing or wrong: the one way in is the address the preview printed. */
export const SIGN_IN_MESSAGE =
  "Open the address that `npm run preview` printed: it carries this run's token.";

/**
 * The preview server's gate. Everything it accepts reaches a core that can reveal every secret, so a request
 * must name our host (no DNS rebinding), must not come from another origin (another local port is another
 * origin, though the same "site"), and, for every /api/ and /__test__/ route, must carry the run's token in
 * a request header. Browsers attach cookies and Basic credentials on their own, to any port of the host; a
 * header only our own page's script can add.
 */
export function createRequestGuard(token: string, port: () => number) {
  const expected = Buffer.from(token);
  const tokenMatches = (candidate: string | string[] | undefined) => {
    if (typeof candidate !== 'string') return false;
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  /** Checks every request, static or not: our Host, and no foreign Origin. */
  function checkOrigin(req: IncomingMessage): Refusal | null {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`)
      return { status: 421, message: 'This server answers only to its own address.' };
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`)
      return { status: 403, message: 'Requests from other pages are refused.' };
    return null;
  }

  /** Checks a request for a route that acts or answers with data: it needs the token, sent by our page. */
  function checkCredentialed(req: IncomingMessage): Refusal | null {
    // Fetch metadata: a page on another port is "same-site"; only our own origin (or the person typing the
    // address) may reach these routes, even where the browser sends no Origin header.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return { status: 403, message: 'Requests from other pages are refused.' };
    if (!tokenMatches(req.headers[TOKEN_HEADER])) return { status: 401, message: SIGN_IN_MESSAGE };
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST')
      return { status: 405, message: 'Only GET and POST are served here.' };
    if (method === 'POST' && mediaType(req.headers['content-type']) !== 'application/json')
      return { status: 415, message: 'Send the request body as application/json.' };
    return null;
  }

  return { checkOrigin, checkCredentialed };
}

/** `application/json; charset=utf-8` → `application/json`. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
