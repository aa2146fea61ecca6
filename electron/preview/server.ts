import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES } from '../common/contract.js';
import type { ShiftedClock } from '../core/clock/shifted-clock.js';
import type { Core } from '../core/create-core.js';
import { createApiRoutes } from './api-routes.js';
import { createEventStream, type EventStream } from './event-stream.js';
import type { PreviewDesktop } from './preview-desktop.js';
import { BodyRefused } from './request-body.js';
import { createRequestGuard } from './request-guard.js';
import { send } from './respond.js';
import { setSecurityHeaders } from './security-headers.js';
import { createStaticRoutes, type StaticAssets } from './static-routes.js';

/** How much a client may send and how long it may take: a stalled or huge request is cut off. */
export type PreviewLimits = {
  maxBodyBytes: number;
  /** Time to receive the request headers. */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included (not the response: the event streams stay open). */
  requestTimeoutMs: number;
};

export const DEFAULT_LIMITS: PreviewLimits = {
  maxBodyBytes: 64 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export type PreviewServerOptions = StaticAssets & {
  core: Core;
  preview: PreviewDesktop;
  desktopEvents: EventStream;
  clock: ShiftedClock;
  port: number;
  testHooks: boolean;
  limits?: Partial<PreviewLimits>;
};

/**
 * The preview shell's server: the simulated desktop page, the built renderer, and the real core behind an
 * HTTP bridge. The core can reveal every secret, so the server is held to the app's standard: bound to
 * 127.0.0.1; the Host must be ours and no other origin may call it (see `createRequestGuard`); every /api/
 * and /__test__/ route needs the per-run token in a request header (the page keeps it in sessionStorage,
 * never in a cookie); no page of another origin may frame it; bodies are JSON, bounded, and parsed by zod.
 * Test routes exist only with KEYTRAY_PREVIEW_TEST_HOOKS=1.
 */
export async function startPreviewServer(options: PreviewServerOptions) {
  const token = randomBytes(24).toString('hex');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const rendererEvents = createEventStream();
  const { desktopEvents } = options;
  for (const event of EVENT_NAMES)
    options.core.events.on(event, (payload) => rendererEvents.send(event, payload));
  let port = 0;

  const guard = createRequestGuard(token, () => port);
  const serveStatic = createStaticRoutes(options);
  const serveApi = createApiRoutes({
    ...options,
    rendererEvents,
    maxBodyBytes: limits.maxBodyBytes,
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    setSecurityHeaders(res);
    const refusal = guard.checkOrigin(req);
    if (refusal) return send(res, refusal.status, refusal.message, 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path.startsWith('/api/') || path.startsWith('/__test__/')) {
      const denied = guard.checkCredentialed(req);
      if (denied) return send(res, denied.status, denied.message, 'text/plain; charset=utf-8');
      return serveApi(req, res, method, path);
    }
    if (method === 'GET' && (await serveStatic(res, path))) return;
    return send(res, 404, { error: 'not found' });
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node looks for requests past those timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      route(req, res).catch((error: unknown) => {
        if (res.headersSent) return void res.end();
        // A refused body is answered and the connection closed: the rest of it is not read.
        if (error instanceof BodyRefused) res.setHeader('connection', 'close');
        const status = error instanceof BodyRefused ? error.status : 500;
        send(res, status, { error: error instanceof BodyRefused ? error.message : 'failed' });
      });
    },
  );
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
