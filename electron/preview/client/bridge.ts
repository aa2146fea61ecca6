import { createBridgeApi, EVENT_NAMES, type EventName } from '../../common/channels.js';
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
  performance.mark('keytray:event', { detail: { event } });
  for (const listener of listeners.get(event as EventName) ?? []) listener(payload);
});

const failure = (message: string) => ({ ok: false, error: { code: 'internal', message } });
let calls = 0;

const keytray = createBridgeApi({
  async invoke(channel, payload) {
    try {
      // Marks for test/bench (phases.ts): sent → answered is main at work (still at work if no measure
      // follows), answered → parsed is the answer crossing into the popup.
      const call = ++calls;
      // The browser keeps marks until cleared: a long preview session must not pile them up.
      if (call % 1000 === 0) performance.clearMarks('keytray:invoke-sent');
      if (call % 1000 === 0) performance.clearMeasures('keytray:invoke');
      const sent = performance.mark('keytray:invoke-sent', { detail: { channel, call } }).startTime;
      const response = await previewFetch('/api/invoke', { body: { channel, payload } });
      if (response.status === 401)
        return failure('The preview needs its address again: open the one `npm run preview` printed.');
      if (!response.ok) return failure('The preview server refused that request.');
      const answered = performance.now();
      const value = (await response.json()) as unknown;
      performance.measure('keytray:invoke', { start: sent, detail: { channel, call, answered } });
      return value;
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
