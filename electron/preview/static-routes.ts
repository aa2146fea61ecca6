import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { send, TYPES } from './respond.js';
import { DESKTOP_PAGE_CSP, POPUP_DOCUMENT_CSP, setSecurityHeaders } from './security-headers.js';

export type StaticAssets = {
  rendererDir: string;
  clientScripts: { bridge: string; desktop: string };
  desktopPage: string;
};

/**
 * The shell's pages and scripts: the simulated desktop, the two client scripts and the built popup. They
 * hold no secret, so they need no token (the popup iframe could not send one); everything they show comes
 * from the /api/ routes, which do.
 */
export function createStaticRoutes(assets: StaticAssets) {
  async function serveRenderer(res: ServerResponse, path: string) {
    const relative = normalize(path.replace(/^\/popup\/?/, '') || 'index.html');
    const file = join(assets.rendererDir, relative);
    if (!file.startsWith(assets.rendererDir + sep)) return send(res, 404, { error: 'not found' });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, { error: 'not found' });
    }
    if (relative === 'index.html') {
      // The one document another document may frame: the popup, in the preview's own desktop page.
      setSecurityHeaders(res, { framing: 'same-origin', csp: POPUP_DOCUMENT_CSP });
      // The preview bridge plays the preload's part: it defines window.keytray before the app's module runs.
      const html = body
        .toString('utf8')
        .replace('<script', '<script type="module" src="/bridge.js"></script>\n    <script');
      return send(res, 200, html, TYPES['.html']);
    }
    return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
  }

  /** Answers a GET for a static path; false when the path is not one of ours. */
  return async function serveStatic(res: ServerResponse, path: string): Promise<boolean> {
    if (path === '/') {
      setSecurityHeaders(res, { csp: DESKTOP_PAGE_CSP });
      send(res, 200, assets.desktopPage, TYPES['.html']);
    } else if (path === '/favicon.ico') send(res, 204, '', 'image/x-icon');
    else if (path === '/bridge.js') send(res, 200, assets.clientScripts.bridge, TYPES['.js']);
    else if (path === '/desktop.js') send(res, 200, assets.clientScripts.desktop, TYPES['.js']);
    else if (path.startsWith('/popup/') || path === '/popup') await serveRenderer(res, path);
    else return false;
    return true;
  };
}
