import { deserialize, serialize } from 'node:v8';
import { createCore } from '../../electron/core/create-core.js';
import { createManualClock } from '../../electron/core/clock/manual-clock.js';
import { createLogger } from '../../electron/core/logging/logger.js';
import { Redactor } from '../../electron/core/logging/redact.js';
import { createMemorySecretStore } from '../../electron/core/secrets/memory-store.js';
import { createMemoryDocumentStore } from '../../electron/core/settings/json-store.js';
import { DEFAULT_SETTINGS, EMPTY_KEY_CACHE } from '../../electron/core/settings/stored-state.js';
import { createSimulator } from '../../electron/core/telnyx/simulator/index.js';
import { createFakeDesktop } from '../fixtures/fake-desktop.js';
import { median } from './stats.js';

/**
 * What crosses the bridge for 10,000 keys, measured in this process: the whole list (as the popup gets it
 * once, when it opens or an account connects) and the answer to Sync now when one key changed (what it gets
 * after that). Bytes as JSON (the preview's HTTP bridge), and the time to serialise and parse them both as
 * JSON and as Electron's IPC does (V8's structured clone serializer).
 */
export async function measureBridgePayload(keyCount = 10_000) {
  const clock = createManualClock(new Date());
  const simulator = createSimulator({ keyCount, now: () => clock.now() });
  const redactor = new Redactor();
  const core = createCore({
    fetch: simulator.fetch,
    clock,
    secrets: createMemorySecretStore(),
    state: createMemoryDocumentStore(DEFAULT_SETTINGS),
    keyCache: createMemoryDocumentStore(EMPTY_KEY_CACHE),
    desktop: createFakeDesktop(),
    logger: createLogger({ redactor, sink: () => undefined }),
    redactor,
    env: { TELNYX_BASE_URL: 'https://demo.keytray.invalid/v2' },
    afterAnswer: () => undefined,
  });
  const connected = await core.handlers['account.connect']({ apiKey: simulator.ownerKey });
  if (!connected.ok) throw new Error(connected.error.message);
  const whole = await core.handlers['keys.list'](undefined);
  if (!whole.ok || whole.value.revision === undefined) throw new Error('no list');
  const changing = simulator.state.keys.find((k) => k.value !== simulator.ownerKey);
  if (changing) changing.tags = ['bench'];
  const delta = await core.handlers['keys.sync']({ since: whole.value.revision });
  if (!delta.ok) throw new Error(delta.error.message);

  const time = (work: () => unknown) => {
    const runs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      work();
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const measure = (answer: unknown) => {
    const json = JSON.stringify(answer);
    const cloned = serialize(answer);
    return {
      bytes: Buffer.byteLength(json),
      keys: (answer as { value: { keys: unknown[] } }).value.keys.length,
      jsonMs: time(() => JSON.stringify(answer)) + time(() => JSON.parse(json)),
      cloneMs: time(() => serialize(answer)) + time(() => deserialize(cloned)),
    };
  };
  return { whole: measure(whole), delta: measure(delta) };
}
