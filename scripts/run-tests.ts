import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm test`: every check CI runs, in order, then one closing line with the counts
 * (`N passed, N failed, N skipped`). Static checks first (they are fast and explain themselves), then
 * Vitest (unit + integration, inside a private keyring session), then the browser suites.
 */
type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const failedSteps: string[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failedSteps.push(name);
  return ok;
}

/** A static check counts as one test: it passed or it failed. */
function check(name: string, command: string, args: string[]) {
  if (run(name, command, args)) total.passed++;
  else total.failed++;
}

function vitestCounts(file: string): Counts | null {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    return null;
  }
}

function add(name: string, counts: Counts | null, ok: boolean) {
  if (!counts) {
    console.log(`${name}: no report was written`);
    total.failed++;
    return;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed + (ok || counts.failed > 0 ? 0 : 1);
  total.skipped += counts.skipped;
}

check('typecheck', 'npx', ['tsc', '-b', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.']);
check('layering', 'npx', ['tsx', 'scripts/check-layers.ts']);
check('electronegativity', 'npx', ['tsx', 'scripts/check-electronegativity.ts']);

const vitestReport = join(reports, 'vitest.json');
const vitestOk = run(
  'unit and integration tests (Vitest, real keychain under D-Bus)',
  'scripts/with-keyring.sh',
  ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
);
add('vitest', vitestCounts(vitestReport), vitestOk);

function playwrightCounts(file: string): Counts | null {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    };
    const { expected, unexpected, skipped, flaky } = report.stats;
    return { passed: expected + flaky, failed: unexpected, skipped };
  } catch {
    return null;
  }
}

const e2eReport = join(reports, 'playwright.json');
const e2eOk = run(
  'end-to-end (Playwright: the popup in Chromium on the preview shell; Electron where installed)',
  'scripts/with-keyring.sh',
  ['npx', 'playwright', 'test'],
);
add('playwright', playwrightCounts(e2eReport), e2eOk);

console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || failedSteps.length > 0 ? 1 : 0);
