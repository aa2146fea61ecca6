import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPATIBILITY_CHECK_CLI_DISCLOSURE,
  COMPATIBILITY_CHECK_REQUESTS,
  COMPATIBILITY_REPORT_TITLE,
} from '../../electron/common/compatibility-check.js';
import {
  createSimulator,
  SIMULATOR_PROFILES,
  startSimulatorServer,
  type Simulator,
  type SimulatorOptions,
  type SimulatorServer,
} from '../../electron/core/telnyx/simulator/index.js';

/** `npm run check-telnyx` as a person runs it: a child process talking to the simulator over loopback. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const servers: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function simulatorOnLoopback(options: SimulatorOptions = {}) {
  const simulator = createSimulator({ keyCount: 30, ...options });
  // Tags no report could contain by chance, so a leaked tag is found.
  for (const key of simulator.state.keys) key.tags = [...key.tags, `tag-${key.id.slice(-6).toLowerCase()}`];
  const server = await startSimulatorServer(simulator);
  servers.push(server);
  return { simulator, url: server.url };
}

type Run = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the script with only the given Telnyx variables (none inherited from whoever runs the tests).
 * `typed`: written to stdin once the script has said what it will send, as a person answers the prompt.
 */
function runCheck(env: Record<string, string>, typed?: (stderrSoFar: string) => string | null): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TELNYX_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/check-telnyx.ts'], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let answered = typed === undefined;
  if (typed === undefined) child.stdin.end();
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    if (!answered && typed) {
      const line = typed(stderr);
      if (line !== null) {
        answered = true;
        child.stdin.end(line);
      }
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Every value the simulated organization holds: none may reach the output. */
function valuesOf(simulator: Simulator): string[] {
  const { keys, users, seed } = simulator.state;
  return [
    ...keys.flatMap((k) => [
      k.id,
      k.value,
      k.value.slice(k.value.indexOf('_') + 1),
      k.createdAt,
      k.updatedAt,
    ]),
    ...keys.flatMap((k) => [k.expiresAt, k.lastUsedAt, ...k.tags.filter((t) => t.startsWith('tag-'))]),
    ...users.flatMap((u) => [u.email, `${u.id}-${seed}`]),
    '42.50',
    'USD',
  ].filter((v): v is string => typeof v === 'string');
}

const expectNoValues = (run: Run, simulator: Simulator) => {
  const output = run.stdout + run.stderr;
  for (const leaked of valuesOf(simulator))
    expect(output, 'a value reached the output').not.toContain(leaked);
};

describe.each(SIMULATOR_PROFILES)('npm run check-telnyx (%s profile)', (profile) => {
  it('says what it will send, then prints the report: routes, field names and types, no value', async () => {
    const { simulator, url } = await simulatorOnLoopback({ profile });
    const run = await runCheck({ TELNYX_BASE_URL: url, TELNYX_API_KEY: simulator.ownerKey });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(COMPATIBILITY_CHECK_CLI_DISCLOSURE);
    expect(run.stderr).toContain(`Telnyx API: ${url}`);
    expect(run.stdout.split('\n')[0]).toBe(COMPATIBILITY_REPORT_TITLE);
    expect(run.stdout).toMatch(
      /^Keytray \d+\.\d+\.\d+ · checked .* · against another address \(TELNYX_BASE_URL\)$/m,
    );
    for (const { request } of COMPATIBILITY_CHECK_REQUESTS) expect(run.stdout).toContain(`\n${request}  (`);
    expect(run.stdout).toContain('    created_at: string\n');
    expect(run.stdout).toContain(
      profile === 'default' ? '    user_email: string\n' : '    expiration: null\n',
    );
    expect(run.stdout).toContain(profile === 'default' ? '  expiry: expires_at\n' : '  expiry: expiration\n');
    expect(run.stdout).toContain('  meta:\n    page_number: number\n');
    // Reads only, and exactly the four it named.
    expect(simulator.log.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    expectNoValues(run, simulator);
  }, 30_000);
});

describe('npm run check-telnyx', () => {
  it('asks for the key after saying what it will send, and never shows it', async () => {
    const { simulator, url } = await simulatorOnLoopback();
    let sentBeforeAsking = -1;
    const run = await runCheck({ TELNYX_BASE_URL: url }, (stderr) => {
      if (!stderr.includes(`Telnyx API: ${url}`)) return null;
      sentBeforeAsking = simulator.log.length;
      return `${simulator.ownerKey}\n`;
    });
    expect(sentBeforeAsking).toBe(0);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('GET /v2/iam/api_keys?page[size]=1  (documented)\n  200: answered');
    expectNoValues(run, simulator);
  }, 30_000);

  it('reports a guessed route answering 404 as not there, and the IAM routes refused to a member', async () => {
    const { simulator, url } = await simulatorOnLoopback({ guessedRoutes: false });
    const run = await runCheck({ TELNYX_BASE_URL: url, TELNYX_API_KEY: simulator.memberKey });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'GET /v2/api_keys?page[size]=1  (guessed: not documented by Telnyx)\n  404: not there for this key\n',
    );
    expect(run.stdout).toContain(
      'GET /v2/iam/api_keys?page[size]=1  (documented)\n  403: not allowed for this key\n',
    );
    expect(run.stdout).toContain('Key record fields: no key list answered with a record');
    expectNoValues(run, simulator);
  }, 30_000);

  it('a key Telnyx refuses: the report says 401 and the exit code is 1, the key unprinted', async () => {
    const { simulator, url } = await simulatorOnLoopback();
    const refused = 'KEY0000000000000000000000000000000A_abcdefghijklmnopqrstuv';
    const run = await runCheck({ TELNYX_BASE_URL: url, TELNYX_API_KEY: refused });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('GET /v2/balance  (documented)\n  401: the key was refused\n');
    expect(run.stderr).toContain('Telnyx refused that key');
    expect(run.stdout + run.stderr).not.toContain(refused.slice(0, 20));
    expect(run.stdout + run.stderr).not.toContain('abcdefghijklmnopqrstuv');
    expect(simulator.log).toHaveLength(4);
  }, 30_000);

  it('sends nothing to a TELNYX_BASE_URL the app would refuse, or without a key', async () => {
    const { simulator, url } = await simulatorOnLoopback();
    const remote = await runCheck({
      TELNYX_BASE_URL: 'http://example.invalid/v2',
      TELNYX_API_KEY: simulator.ownerKey,
    });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toContain('TELNYX_BASE_URL must be an https:// address');
    expect(remote.stdout).toBe('');
    const keyless = await runCheck({ TELNYX_BASE_URL: url }, () => '');
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain('No key given');
    expect(keyless.stdout).toBe('');
    expect(simulator.log).toEqual([]);
  }, 30_000);
});
