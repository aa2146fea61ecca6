/**
 * The preview's credential in the browser. The printed address carries the run's token once; the page moves
 * it into sessionStorage (this tab and this origin only: a page on another port, or another tab, cannot read
 * it), takes it out of the address bar, and sends it in a request header on every call. No cookie: the
 * browser would send a cookie to every port on 127.0.0.1 by itself, and let other ports overwrite it.
 */
const STORAGE_KEY = 'keytray-preview-token';
const TOKEN_HEADER = 'x-keytray-token';

/** Moves a token from the address into this tab's storage; a reload finds it there. */
export function adoptTokenFromAddress(): void {
  const url = new URL(location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress === null) return;
  if (fromAddress) sessionStorage.setItem(STORAGE_KEY, fromAddress);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

/** True when this tab holds a token (it may still be one of an earlier run). */
export const hasToken = () => sessionStorage.getItem(STORAGE_KEY) !== null;

/** `fetch` to the preview server with the token header; JSON bodies only (the server refuses others). */
export function previewFetch(path: string, init: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { [TOKEN_HEADER]: sessionStorage.getItem(STORAGE_KEY) ?? '' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    credentials: 'omit',
    cache: 'no-store',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/**
 * Server-sent events read through `fetch`, because `EventSource` cannot send a header. Reconnects after a
 * dropped stream, as `EventSource` does; stops for good on 401 and calls `onRefused`.
 */
export function openEventStream(
  path: string,
  onEvent: (event: string, payload: unknown) => void,
  onRefused: () => void = () => {},
): void {
  const dispatch = (frame: string) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) onEvent(event, JSON.parse(data.join('\n')) as unknown);
  };
  const connect = async () => {
    try {
      const response = await previewFetch(path);
      if (response.status === 401) return onRefused();
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        // The preview server ends lines with \n only (event-stream.ts).
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // The server restarted or the network blipped: try again shortly, like EventSource.
    }
    setTimeout(() => void connect(), 1_000);
  };
  void connect();
}
