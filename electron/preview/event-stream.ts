import type { ServerResponse } from 'node:http';

/**
 * Server-sent events to every open page: the preview's stand-in for `webContents.send`. The pages read them
 * with `fetch` (client/session.ts), not `EventSource`, so the request can carry the token header.
 */
export function createEventStream() {
  const clients = new Set<ServerResponse>();
  return {
    attach(res: ServerResponse) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    send(event: string, payload: unknown) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of clients) client.write(frame);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}

export type EventStream = ReturnType<typeof createEventStream>;
