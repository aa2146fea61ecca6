import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createShiftedClock } from '../core/clock/shifted-clock.js';
import { composeNodeCore } from '../core/compose-node.js';
import { bundleClientScripts, ensureRendererBuilt, RENDERER_DIST } from './build-assets.js';
import { createEventStream } from './event-stream.js';
import { createPreviewDesktop } from './preview-desktop.js';
import { startPreviewServer } from './server.js';

/**
 * `npm run preview`: the real core and the real popup in the browser, on a simulated desktop. Honours
 * KEYTRAY_PREVIEW_PORT (0 = any free port), TELNYX_BASE_URL, KEYTRAY_USER_DATA, KEYTRAY_KEYCHAIN_SERVICE and
 * KEYTRAY_PREVIEW_TEST_HOOKS=1. Never packaged.
 */
const env = process.env;
const log = (line: string) => process.stderr.write(`${line}\n`);
const port = Number(env['KEYTRAY_PREVIEW_PORT'] ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  log(`KEYTRAY_PREVIEW_PORT must be a port number, got "${env['KEYTRAY_PREVIEW_PORT']}"`);
  process.exit(2);
}
const userDataDir =
  env['KEYTRAY_USER_DATA'] || join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'keytray-preview');

await ensureRendererBuilt(log);
const clientScripts = await bundleClientScripts();

const clock = createShiftedClock();
// Tests start the preview at a fixed instant (KEYTRAY_PREVIEW_NOW, with the test hooks only), so nothing it
// does at start (the first reminder check after a restart) reads the real time.
const startAt =
  env['KEYTRAY_PREVIEW_TEST_HOOKS'] === '1' ? Date.parse(env['KEYTRAY_PREVIEW_NOW'] ?? '') : NaN;
if (!Number.isNaN(startAt)) clock.set(new Date(startAt));
const desktopEvents = createEventStream();
// The popup-shown event goes through the core's events, so the renderer hears it like any other.
let announceShown = () => {};
const preview = createPreviewDesktop(
  desktopEvents,
  () => announceShown(),
  () => void quit(),
);
const { core } = composeNodeCore({
  userDataDir,
  env: { ...env, KEYTRAY_KEYCHAIN_SERVICE: env['KEYTRAY_KEYCHAIN_SERVICE'] || 'Keytray Preview' },
  desktop: preview.desktop,
  clock,
  appVersion: (
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version,
});
announceShown = () => core.events.emit('popup.shown', { view: 'main' });
await core.start();

const server = await startPreviewServer({
  core,
  preview,
  desktopEvents,
  clock,
  rendererDir: RENDERER_DIST,
  clientScripts,
  desktopPage: readFileSync(join(import.meta.dirname, 'desktop-page.html'), 'utf8'),
  port,
  testHooks: env['KEYTRAY_PREVIEW_TEST_HOOKS'] === '1',
});
console.log(`preview ready at ${server.url}`);

async function quit() {
  await core.dispose();
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
