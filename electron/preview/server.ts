import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CHANNELS, EVENT_NAMES, type Channel } from '../common/contract.js';
import type { Core } from '../core/create-core.js';
import type { ShiftedClock } from '../core/clock/shifted-clock.js';
import { createEventStream, type EventStream } from './event-stream.js';
import type { PreviewDesktop } from './preview-desktop.js';

export type PreviewServerOptions = {
  core: Core;
  preview: PreviewDesktop;
  desktopEvents: EventStream;
  clock: ShiftedClock;
  rendererDir: string;
  clientScripts: { bridge: string; desktop: string };
  desktopPage: string;
  port: number;
  testHooks: boolean;
  onQuit: () => void;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};
const MAX_BODY = 64 * 1024;
const COOKIE = 'keytray_preview';

/**
 * The preview shell's server: the simulated desktop page, the built renderer, and the real core behind an
 * HTTP bridge. Bound to 127.0.0.1 only; every request needs the per-run token (from the printed address,
 * then an HttpOnly SameSite=Strict cookie); the Host header must be ours (no DNS rebinding) and a POST must
 * come from our own origin. Test routes exist only with KEYTRAY_PREVIEW_TEST_HOOKS=1.
 */
export async function startPreviewServer(options: PreviewServerOptions) {
  const token = randomBytes(24).toString('hex');
  const rendererEvents = createEventStream();
  const { desktopEvents } = options;
  for (const event of EVENT_NAMES)
    options.core.events.on(event, (payload) => rendererEvents.send(event, payload));
  let port = 0;

  const tokenMatches = (candidate: string | null | undefined) =>
    typeof candidate === 'string' &&
    candidate.length === token.length &&
    timingSafeEqual(Buffer.from(candidate), Buffer.from(token));

  function authorised(req: IncomingMessage, url: URL): boolean {
    const cookie = /(?:^|;\s*)keytray_preview=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    return (
      tokenMatches(cookie) ||
      tokenMatches(req.headers['x-keytray-token'] as string) ||
      tokenMatches(url.searchParams.get('token'))
    );
  }

  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(type === 'application/json' ? JSON.stringify(body) : (body as string | Buffer));
  };

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) throw new Error('body too large');
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  async function serveRenderer(res: ServerResponse, path: string) {
    const relative = normalize(path.replace(/^\/popup\/?/, '') || 'index.html');
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir)
      return send(res, 404, { error: 'not found' });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, { error: 'not found' });
    }
    if (relative === 'index.html') {
      // The preview bridge plays the preload's part: it defines window.keytray before the app's module runs.
      const html = body
        .toString('utf8')
        .replace('<script', '<script type="module" src="/bridge.js"></script>\n    <script');
      return send(res, 200, html, TYPES['.html']);
    }
    return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream');
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return send(res, 421, { error: 'wrong host' });
    const url = new URL(req.url ?? '/', `http://${host}`);
    const method = req.method ?? 'GET';
    if (!authorised(req, url)) {
      return send(
        res,
        401,
        "Open the address that `npm run preview` printed: it carries this run's token.",
        'text/plain',
      );
    }
    if (method === 'POST') {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`)
        return send(res, 403, { error: 'foreign origin' });
    }
    const path = url.pathname;

    if (method === 'GET' && path === '/') {
      res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, 200, options.desktopPage, TYPES['.html']);
    }
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (method === 'GET' && path === '/bridge.js')
      return send(res, 200, options.clientScripts.bridge, TYPES['.js']);
    if (method === 'GET' && path === '/desktop.js')
      return send(res, 200, options.clientScripts.desktop, TYPES['.js']);
    if (method === 'GET' && path.startsWith('/popup')) return serveRenderer(res, path);
    if (method === 'GET' && path === '/api/events') return rendererEvents.attach(res);
    if (method === 'GET' && path === '/api/desktop/events') {
      desktopEvents.attach(res);
      const { state } = options.preview;
      desktopEvents.send('tray', state.tray);
      desktopEvents.send('notifications', state.notifications);
      desktopEvents.send('popup', { visible: state.popupVisible, filterKeyIds: state.popupFilter });
      return;
    }

    if (method === 'POST' && path === '/api/invoke') {
      const body = (await readJson(req)) as { channel?: unknown; payload?: unknown } | undefined;
      const channel = body?.channel;
      if (typeof channel !== 'string' || !(CHANNELS as string[]).includes(channel)) {
        return send(res, 404, { error: 'unknown channel' });
      }
      return send(res, 200, await options.core.handlers[channel as Channel](body?.payload ?? undefined));
    }
    if (method === 'POST' && path === '/api/desktop/popup') {
      const body = (await readJson(req)) as { visible?: unknown; view?: unknown } | undefined;
      options.preview.setPopup(body?.visible === true);
      if (body?.visible === true && body.view === 'settings')
        options.core.events.emit('popup.shown', { view: 'settings' });
      return send(res, 200, {});
    }
    if (method === 'POST' && path === '/api/desktop/tray') {
      const body = (await readJson(req)) as { index?: unknown } | undefined;
      const item = options.preview.state.tray?.menu[typeof body?.index === 'number' ? body.index : -1];
      if (!item) return send(res, 404, { error: 'no such menu item' });
      if (item.kind === 'quit') {
        send(res, 200, {});
        return options.onQuit();
      }
      if (item.kind === 'settings') {
        options.preview.setPopup(true);
        options.core.events.emit('popup.shown', { view: 'settings' });
        return send(res, 200, {});
      }
      try {
        await options.core.trayAction(item);
        return send(res, 200, {});
      } catch (error) {
        return send(res, 200, { error: error instanceof Error ? error.message : 'failed' });
      }
    }
    if (method === 'POST' && path === '/api/desktop/notification') {
      const body = (await readJson(req)) as { index?: unknown } | undefined;
      const notification =
        options.preview.state.notifications[typeof body?.index === 'number' ? body.index : -1];
      if (!notification) return send(res, 404, { error: 'no such notification' });
      options.preview.setPopup(true, notification.keyIds);
      options.core.events.emit('notification.clicked', { keyIds: notification.keyIds });
      return send(res, 200, {});
    }

    if (options.testHooks && path.startsWith('/__test__/')) return testRoute(req, res, method, path);
    return send(res, 404, { error: 'not found' });
  }

  async function testRoute(req: IncomingMessage, res: ServerResponse, method: string, path: string) {
    const { state } = options.preview;
    if (method === 'GET' && path === '/__test__/clipboard')
      return send(res, 200, { text: state.clipboard || null });
    if (method === 'GET' && path === '/__test__/notifications') return send(res, 200, state.notifications);
    if (method === 'GET' && path === '/__test__/opened') return send(res, 200, state.opened);
    if (method === 'POST' && path === '/__test__/clock') {
      const body = (await readJson(req)) as { advanceMs?: unknown; now?: unknown } | undefined;
      if (typeof body?.advanceMs === 'number' && body.advanceMs >= 0) options.clock.advance(body.advanceMs);
      else if (typeof body?.now === 'string' && !Number.isNaN(Date.parse(body.now)))
        options.clock.set(new Date(body.now));
      else return send(res, 400, { error: 'send {"advanceMs": n} or {"now": iso}' });
      await options.core.clockMoved();
      return send(res, 200, { now: options.clock.now().toISOString() });
    }
    return send(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 400, { error: error instanceof Error ? error.message : 'bad request' });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    async close() {
      rendererEvents.close();
      desktopEvents.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
