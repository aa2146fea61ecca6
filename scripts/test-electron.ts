import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run test:electron`: the Playwright `_electron` suite (test/electron), the one run that proves the
 * Electron shell on a machine with an Electron binary (elsewhere it skips and prints why). On Linux it runs
 * inside a throwaway keyring (scripts/with-keyring.sh, so a person's own is never touched) and, without a
 * display, under `xvfb-run`; on macOS and Windows it uses the login keychain under a test-only service name
 * and removes the test account's entries as each test ends. Extra arguments go to Playwright.
 */
const root = join(import.meta.dirname, '..');
const playwright = ['npx', 'playwright', 'test', '--project', 'electron', ...process.argv.slice(2)];

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
let command = playwright;
if (process.platform === 'linux') {
  command = [join(root, 'scripts', 'with-keyring.sh'), ...command];
  if (!process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'] && has('xvfb-run')) {
    command = ['xvfb-run', '-a', ...command];
  }
}
const [program = 'npx', ...args] = command;
const result = spawnSync(program, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
