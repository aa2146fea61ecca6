import { createBridgeApi, EVENT_NAMES, type EventName } from '../../common/contract.js';

/**
 * The preview's stand-in for the preload: `window.keytray` over HTTP to the preview server (same origin; the
 * token travels in the HttpOnly cookie) and server-sent events. Same contract, same functions.
 */
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const source = new EventSource('/api/events');
for (const event of EVENT_NAMES) {
  source.addEventListener(event, (message) => {
    const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
}

const keytray = createBridgeApi({
  async invoke(channel, payload) {
    try {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel, payload }),
      });
      return (await response.json()) as unknown;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'The preview server is not answering.' } };
    }
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  },
});

Object.defineProperty(window, 'keytray', { value: Object.freeze(keytray), writable: false });
