import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DROPPED, type Simulator } from './simulator.js';
import type { FaultRule } from './faults.js';
import { organizationFor } from './organizations.js';

export type SimulatorServer = { url: string; server: Server; close(): Promise<void> };

/**
 * Puts a simulator on 127.0.0.1 (never another interface). `/__simulator__/…` control routes let tests in
 * another process stage faults and read the keys it issued; they exist only when `control` is set.
 */
export async function startSimulatorServer(
  simulator: Simulator,
  options: {
    port?: number;
    control?: boolean;
    /** More organizations at the same address: a request goes to the one whose key it carries. */
    others?: readonly Simulator[];
  } = {},
): Promise<SimulatorServer> {
  const server = createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client went away'));
    });
    void (async () => {
      const body = await readBody(req);
      const url = `http://127.0.0.1${req.url ?? '/'}`;
      if (options.control && (req.url ?? '').startsWith('/__simulator__/')) {
        const answer = control(simulator, req.method ?? 'GET', new URL(url).pathname, body);
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && body.length > 0;
      const request = new Request(url, {
        method: req.method ?? 'GET',
        headers,
        ...(hasBody ? { body: new Uint8Array(body) } : {}),
      });
      const organization = options.others?.length
        ? organizationFor(request, [simulator, ...options.others])
        : simulator;
      const answer = await organization.handle(request, controller.signal);
      if (answer === DROPPED) {
        req.socket.destroy();
        return;
      }
      // One write with a length: no chunked encoding, no second packet for the terminator.
      const payload = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, {
        ...Object.fromEntries(answer.headers),
        'content-length': String(payload.length),
      });
      res.end(payload);
    })().catch(() => req.socket.destroy());
  });
  // Node's default keep-alive (5 s). A shorter hint makes fetch (undici) treat every socket as already
  // expired and open a new connection per request: a 1 s hint cost 40 handshakes per 10,000-key sync.
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v2`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function control(
  simulator: Simulator,
  method: string,
  path: string,
  body: Buffer,
): { status: number; body: unknown } {
  const input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
  switch (`${method} ${path}`) {
    case 'POST /__simulator__/faults':
      simulator.faults.add(...((input['rules'] as FaultRule[] | undefined) ?? []));
      return { status: 200, body: { pending: simulator.faults.pending } };
    case 'DELETE /__simulator__/faults':
      simulator.faults.clear();
      return { status: 200, body: { pending: 0 } };
    case 'POST /__simulator__/guessed-routes':
      simulator.setGuessedRoutes(input['enabled'] === true);
      return { status: 200, body: {} };
    case 'POST /__simulator__/iam-routes':
      simulator.setIamRoutes(input['enabled'] === true);
      return { status: 200, body: {} };
    case 'GET /__simulator__/issued':
      return { status: 200, body: { issued: simulator.state.issued } };
    case 'GET /__simulator__/keys':
      return { status: 200, body: { keys: simulator.state.keys.map(({ value: _value, ...rest }) => rest) } };
    default:
      return { status: 404, body: { error: 'unknown control route' } };
  }
}
