import { createSimulator, startSimulatorServer } from '../../electron/core/telnyx/simulator/index.js';

/**
 * The Telnyx stand-in for the end-to-end benchmarks, in its own process (as Telnyx would be: its CPU time is
 * not the app's), recording when each request arrived and when its answer was written, on the wall clock
 * (`performance.timeOrigin + performance.now()`, the same clock a page's timeline converts to). Run by
 * test/bench/end-to-end.ts over an IPC channel:
 * - it sends `{ ready, url, ownerKey }` once listening;
 * - `{ kind: 'timings' }` answers `{ kind: 'timings', requests }` and forgets them;
 * - `{ kind: 'tag', id, tag }` adds a tag to a key, so the next sync has something a person would see change.
 * Arguments: `--keys N --latency MS`.
 */
export type TimedRequest = { path: string; arrived: number; answered: number };
export type SimulatorMessage =
  | { kind: 'ready'; url: string; ownerKey: string }
  | { kind: 'timings'; requests: TimedRequest[] }
  | { kind: 'tagged'; ok: boolean };

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};

const wallClock = () => performance.timeOrigin + performance.now();
const simulator = createSimulator({ keyCount: argument('keys', 10_000), latencyMs: argument('latency', 0) });
const server = await startSimulatorServer(simulator);
let requests: TimedRequest[] = [];
server.server.prependListener('request', (req, res) => {
  const arrived = wallClock();
  const path = (req.url ?? '').replace(/\?.*$/, '');
  res.on('finish', () => requests.push({ path, arrived, answered: wallClock() }));
});

const send = (message: SimulatorMessage) => process.send?.(message);
process.on('message', (message: { kind: string; id?: string; tag?: string }) => {
  if (message.kind === 'timings') {
    send({ kind: 'timings', requests });
    requests = [];
  } else if (message.kind === 'tag') {
    const key = simulator.state.keys.find((k) => k.id === message.id);
    if (key && message.tag) key.tags = [...key.tags, message.tag];
    send({ kind: 'tagged', ok: key !== undefined });
  }
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
send({ kind: 'ready', url: server.url, ownerKey: simulator.ownerKey });
