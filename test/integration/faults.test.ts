import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/common/result.js';
import { RETRY_LIMITS } from '../../electron/core/telnyx/retry-policy.js';
import type { FaultRule, SimulatorProfile } from '../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, value } from '../fixtures/core-harness.js';

/**
 * Every user operation under every fault the simulator can inject. Each must complete or end in a plain
 * error the person can act on; afterwards the app still answers; no create is sent twice; no key that
 * Telnyx issued is lost without the person being told its id. Prints the matrix.
 */
type Harness = Awaited<ReturnType<typeof connected>>;
type Operation = {
  name: string;
  network: boolean;
  run: (h: Harness) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;
};

const TOKEN = 'Vq3xT9bLm2Rk7Wp4Zs8Nd1';
const otherKey = (h: Harness) =>
  h.simulator.state.keys.find(
    (k) =>
      k.userId !== 'user-gone' &&
      k.value !== h.simulator.ownerKey &&
      k.status === 'active' &&
      k.expiresAt === null,
  )?.id ?? '';

const OPERATIONS: Operation[] = [
  {
    name: 'connect',
    network: true,
    run: (h) => h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }),
  },
  { name: 'sync', network: true, run: (h) => h.core.handlers['keys.sync'](undefined) },
  {
    name: 'create',
    network: true,
    run: (h) => h.core.handlers['keys.create']({ tags: ['ci'], expiresAt: null }),
  },
  {
    name: 'enable/disable',
    network: true,
    run: (h) => h.core.handlers['keys.setEnabled']({ id: otherKey(h), enabled: false }),
  },
  {
    name: 'tags',
    network: true,
    run: (h) => h.core.handlers['keys.setTags']({ id: otherKey(h), tags: ['a', 'b'] }),
  },
  { name: 'delete', network: true, run: (h) => h.core.handlers['keys.delete']({ id: otherKey(h) }) },
  {
    name: 'copy',
    network: false,
    run: (h) => h.core.handlers['keys.copy']({ id: h.simulator.ownerKey.split('_')[0] ?? '', format: 'raw' }),
  },
  {
    name: 'add token',
    network: false,
    run: (h) => h.core.handlers['tokens.add']({ name: 'Ops', email: 'ops@example.com', token: TOKEN }),
  },
];

const FAULTS: { name: string; rules: FaultRule[]; latencyMs?: number; notAskedToWait?: boolean }[] = [
  { name: '429 burst', rules: [{ kind: 'status', status: 429, resetSeconds: 1, count: 3 }] },
  { name: '5xx', rules: [{ kind: 'status', status: 503, count: 2 }] },
  {
    // Telnyx sends x-ratelimit-reset on responses in general: on a 503 it is no request to wait.
    name: '5xx carrying x-ratelimit-reset: 55',
    rules: [{ kind: 'status', status: 503, resetSeconds: 55, count: 2 }],
    notAskedToWait: true,
  },
  { name: 'hang past timeout', rules: [{ kind: 'hang', count: 2 }] },
  { name: 'dropped connection', rules: [{ kind: 'drop', count: 2 }] },
  { name: 'answer lost after Telnyx acted', rules: [{ kind: 'drop', afterHandling: true, count: 1 }] },
  { name: 'malformed JSON', rules: [{ kind: 'malformed', count: 1 }] },
  { name: '2 s latency', rules: [], latencyMs: 2_000 },
];

/** Short timeouts make hangs quick to test; the latency row keeps the real 20 s one. */
async function connected(profile: SimulatorProfile, connect: boolean, timeoutMs?: number) {
  const h = createCoreHarness({ simulator: { keyCount: 12, profile }, ...(timeoutMs ? { timeoutMs } : {}) });
  if (connect) {
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    value(await h.core.handlers['keys.sync'](undefined));
  }
  return h;
}

/** Both simulator profiles: the shapes the reference proposes, and the least Telnyx's documentation allows. */
const PROFILES: SimulatorProfile[] = ['default', 'docs-minimal'];

describe.each(PROFILES)('every operation under every fault (%s simulator)', (profile) => {
  const matrix = new Map<string, Map<string, string>>();
  afterAll(() => {
    const header = ['operation', ...FAULTS.map((f) => f.name)];
    const rows = OPERATIONS.map((op) => [
      op.name,
      ...FAULTS.map((f) => matrix.get(op.name)?.get(f.name) ?? '—'),
    ]);
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.log(
      [
        '',
        `Fault matrix, ${profile} simulator (operation × fault → outcome)`,
        line(header),
        line(header.map(() => '---')),
        ...rows.map(line),
      ].join('\n'),
    );
  });

  it.each(FAULTS)(
    '$name',
    async (fault) => {
      await Promise.all(
        OPERATIONS.map(async (operation) => {
          const h = await connected(profile, operation.name !== 'connect', fault.latencyMs ? undefined : 400);
          h.simulator.faults.add(...fault.rules);
          if (fault.latencyMs) h.simulator.setLatency(fault.latencyMs);
          const postsBefore = h.simulator.log.filter(
            (r) => r.method === 'POST' && r.path === '/api_keys',
          ).length;
          const waitsBefore = h.waits.length;
          const result = await operation.run(h);
          h.simulator.faults.clear();
          h.simulator.setLatency(0);

          let outcome: string;
          if (result.ok) outcome = 'completes';
          else {
            const error = result.error ?? { code: 'internal', message: '' };
            expect(ERROR_CODES, `${operation.name} / ${fault.name}`).toContain(error.code);
            expect(error.code, `${operation.name} / ${fault.name}: a bug, not a plain error`).not.toBe(
              'internal',
            );
            expect(error.message, `${operation.name} / ${fault.name}`).toMatch(/^[A-Z][^\n]{10,}[.!]$/);
            outcome = `plain error (${error.code})`;
          }
          // No create sent twice.
          const posts =
            h.simulator.log.filter((r) => r.method === 'POST' && r.path === '/api_keys').length - postsBefore;
          expect(posts, `${operation.name} / ${fault.name}: creates sent`).toBeLessThanOrEqual(1);
          // No issued secret lost in silence: in the keychain (or memory), or its id is in the message.
          for (const issued of h.simulator.state.issued) {
            const held = (await h.secrets.get(`u:user-owner-42/key:${issued.id}`)) === issued.value;
            expect(
              held || (!result.ok && result.error?.message.includes(issued.id)),
              `${issued.id} after ${fault.name}`,
            ).toBe(true);
            if (!held) outcome = `${outcome}; names ${issued.id.slice(0, 8)}…`;
          }
          // The app still answers, and a failed network operation leaves the cached list readable.
          if (operation.name !== 'connect') {
            const list = value(await h.core.handlers['keys.list'](undefined));
            expect(list.keys.length).toBeGreaterThan(0);
            if (operation.name === 'sync' && !result.ok) {
              expect(list.offline).toBe(true);
              outcome += ', list offline';
            }
          }
          if (fault.notAskedToWait) {
            // Retried after a short backoff, and no sentence says Telnyx asked Keytray to wait.
            const waited = h.waits.slice(waitsBefore);
            expect(Math.max(0, ...waited), `${operation.name} / ${fault.name}`).toBeLessThanOrEqual(
              RETRY_LIMITS.maxBackoffMs,
            );
            expect(result.error?.message ?? '', `${operation.name} / ${fault.name}`).not.toMatch(/asked/);
            if (waited.length)
              outcome += ` after ${waited.length} short ${waited.length === 1 ? 'retry' : 'retries'}`;
          }
          const row = matrix.get(operation.name) ?? new Map<string, string>();
          row.set(fault.name, operation.network ? outcome : `${outcome} (no network)`);
          matrix.set(operation.name, row);
        }),
      );
    },
    60_000,
  );
});
