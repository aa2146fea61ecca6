import type { ServerResponse } from 'node:http';

/** Content types of what the preview serves, by file extension. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Writes one whole response. The security headers were set when the request arrived (`setSecurityHeaders`),
 * so every answer, refusals included, carries them.
 */
export function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(type === 'application/json' ? JSON.stringify(body) : (body as string | Buffer));
}
