import { createBridgeApi, EVENT_NAMES, type EventName } from '../../common/contract.js';
import { adoptTokenFromAddress, openEventStream, previewFetch } from './session.js';

/**
 * The preview's stand-in for the preload: `window.keytray` over HTTP to the preview server (same origin; the
 * token travels in a request header, from this tab's sessionStorage) and an event stream read with fetch.
 * Same contract, same functions.
 */
adoptTokenFromAddress();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const known = new Set<string>(EVENT_NAMES);
openEventStream('/api/events', (event, payload) => {
  if (!known.has(event)) return;
  for (const listener of listeners.get(event as EventName) ?? []) listener(payload);
});

const failure = (message: string) => ({ ok: false, error: { code: 'internal', message } });

const keytray = createBridgeApi({
  async invoke(channel, payload) {
    try {
      const response = await previewFetch('/api/invoke', { body: { channel, payload } });
      if (response.status === 401)
        return failure('The preview needs its address again: open the one `npm run preview` printed.');
      if (!response.ok) return failure('The preview server refused that request.');
      return (await response.json()) as unknown;
    } catch {
      return failure('The preview server is not answering.');
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
