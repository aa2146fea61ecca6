/**
 * Run in a fresh Node process by test/bench/run.ts (bundled first, so TypeScript is not what is timed):
 * import and compose the core with its real settings and keychain adapters, then connect and sync every
 * key from the simulator and report the heap.
 */
export {};

const t0 = performance.now();
const { composeNodeCore } = await import('../../electron/core/compose-node.js');
const { core } = composeNodeCore({
  userDataDir: process.env['BENCH_USER_DATA'] ?? '',
  env: process.env,
  logSink: () => undefined,
  desktop: {
    writeClipboard: async () => undefined,
    readClipboard: async () => '',
    notify: () => undefined,
    confirmCopy: () => undefined,
    setTray: () => undefined,
    showPopup: () => undefined,
    hidePopup: () => undefined,
    saveTextFile: async () => null,
    openExternal: () => undefined,
    withdrawNotifications: () => undefined,
    quit: () => undefined,
    registerShortcut: () => true,
    setLaunchAtLogin: () => undefined,
  },
});
const coldStartMs = performance.now() - t0;

const collect = (globalThis as { gc?: () => void }).gc;
collect?.();
const heapBeforeMb = process.memoryUsage().heapUsed / 2 ** 20;
const connected = await core.handlers['account.connect']({ apiKey: process.env['BENCH_OWNER_KEY'] ?? '' });
if (!connected.ok) throw new Error(connected.error.message);
const synced = await core.handlers['keys.sync'](undefined);
if (!synced.ok) throw new Error(synced.error.message);
const listed = await core.handlers['keys.list'](undefined);
collect?.();
const heapAfterMb = process.memoryUsage().heapUsed / 2 ** 20;
await core.dispose();
process.stdout.write(
  JSON.stringify({ coldStartMs, heapBeforeMb, heapAfterMb, keys: listed.ok ? listed.value.keys.length : 0 }),
);
process.exit(0);
