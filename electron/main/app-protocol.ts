import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { protocol } from 'electron';

/**
 * The popup loads from `app://renderer/…`, not `file://`: a page on `file://` may read any other file URL
 * (which is why the `GrantFileProtocolExtraPrivileges` fuse is off in electron-builder.yml), while this
 * scheme serves the built renderer folder and nothing else. Electron's guidance:
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const APP_SCHEME = 'app';
export const RENDERER_HOST = 'renderer';
export const RENDERER_ORIGIN = `${APP_SCHEME}://${RENDERER_HOST}`;
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

/**
 * `standard` gives the scheme an origin, so the page's CSP `'self'` means `app://renderer` and relative URLs
 * resolve; `secure` makes it a secure context like https. Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `rendererDir` on `app://renderer/`. Call once the app is ready. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, serveFolder(rendererDir));
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The request handler, apart from Electron's `protocol` so it can be tested on real files. Only GET of a
 * file inside `root` on host `renderer` is answered; everything else is a 404 (or 405), including
 * `..` hidden as `%2e%2e` or `%2f`, backslashes, NUL bytes and absolute paths.
 */
export function serveFolder(root: string): (request: Request) => Promise<Response> {
  const base = resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405);
    const file = fileFor(base, request.url);
    if (!file) return answer(404);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return answer(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

/** The file a URL names inside `base`, or null when it names anything else. */
function fileFor(base: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== RENDERER_HOST) return null;
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  const file = join(base, ...(segments.length === 0 ? ['index.html'] : segments));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

function answer(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
