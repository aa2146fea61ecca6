import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStream } from '../../electron/preview/event-stream.js';
import { createPreviewDesktop } from '../../electron/preview/preview-desktop.js';
import { startPreviewServer, type PreviewLimits } from '../../electron/preview/server.js';
import { createCoreHarness, START } from '../fixtures/core-harness.js';

/**
 * The preview server over loopback, with a whole core behind it: each of its controls (token, Host, Origin,
 * content type, framing headers, bounded and schema-checked bodies) refuses what it must while the same
 * request with that one thing right is served, so removing a control turns its test red.
 */

const DESKTOP_PAGE = readFileSync(
  join(import.meta.dirname, '..', '..', 'electron', 'preview', 'desktop-page.html'),
  'utf8',
);

/** A stand-in for the built popup: the server only serves its files, so any small build will do. */
function popupBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'keytray-preview-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
  return dir;
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function startServer(limits: Partial<PreviewLimits> = {}) {
  const harness = createCoreHarness();
  const desktopEvents = createEventStream();
  const preview = createPreviewDesktop(desktopEvents, () => {});
  const server = await startPreviewServer({
    core: harness.core,
    preview,
    desktopEvents,
    clock: harness.clock,
    rendererDir: popupBuild(),
    clientScripts: { bridge: '/* bridge */', desktop: '/* desktop */' },
    desktopPage: DESKTOP_PAGE,
    port: 0,
    testHooks: true,
    limits,
  });
  running.push({
    close: async () => {
      await server.close();
      await harness.core.dispose();
    },
  });
  const port = Number(new URL(server.url).port);
  return { ...harness, preview, server, port, token: server.token, origin: `http://127.0.0.1:${port}` };
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * One HTTP request with exactly the headers given (Node's fetch would not send a foreign Host). A response
 * that streams (the event streams) is answered with what arrived in its first 200 ms.
 */
function call(
  port: number,
  path: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer | undefined } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        const finish = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', finish);
        if (res.headers['content-type'] === 'text/event-stream')
          setTimeout(() => {
            finish();
            req.destroy();
          }, 200);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };

describe('the preview server', () => {
  it('answers 401 on every /api/ and /__test__/ route without the token, and serves them with it', async () => {
    const { port, token, preview, clock } = await startServer();
    const routes: { method: string; path: string; body?: unknown }[] = [
      { method: 'POST', path: '/api/invoke', body: { channel: 'account.status' } },
      { method: 'GET', path: '/api/events' },
      { method: 'GET', path: '/api/desktop/events' },
      { method: 'POST', path: '/api/desktop/popup', body: { visible: true } },
      { method: 'GET', path: '/__test__/clipboard' },
      { method: 'GET', path: '/__test__/notifications' },
      { method: 'POST', path: '/__test__/clock', body: { advanceMs: 86_400_000 } },
    ];
    for (const route of routes) {
      const body = route.body === undefined ? undefined : JSON.stringify(route.body);
      const refused = await call(port, route.path, { method: route.method, headers: json, body });
      expect(refused.status, `${route.method} ${route.path} without the token`).toBe(401);
      expect(refused.body).toMatch(/Open the address that `npm run preview` printed/);
    }
    // Nothing acted on the refused requests.
    expect(preview.state.popupVisible).toBe(false);
    expect(clock.now()).toEqual(START);

    for (const route of routes) {
      const body = route.body === undefined ? undefined : JSON.stringify(route.body);
      const headers = { ...json, 'x-keytray-token': token };
      const served = await call(port, route.path, { method: route.method, headers, body });
      expect(served.status, `${route.method} ${route.path} with the token`).toBe(200);
    }
    expect(preview.state.popupVisible).toBe(true);
    expect(clock.now().getTime()).toBe(START.getTime() + 86_400_000);
  });

  it('takes the token from its header only: not from a cookie, the address or an Authorization header', async () => {
    const { port, token } = await startServer();
    const status = async (headers: OutgoingHttpHeaders, path = '/__test__/clipboard') =>
      (await call(port, path, { headers })).status;
    const wrong = token.replace(/./g, (c) => (c === 'a' ? 'b' : 'a'));
    expect(await status({ 'x-keytray-token': wrong })).toBe(401);
    expect(await status({ 'x-keytray-token': token.slice(1) })).toBe(401);
    expect(await status({ 'x-keytray-token': 'é'.repeat(token.length) })).toBe(401);
    expect(await status({ cookie: `keytray_preview=${token}` })).toBe(401);
    expect(await status({}, `/__test__/clipboard?token=${token}`)).toBe(401);
    expect(await status({ authorization: `Bearer ${token}` })).toBe(401);
    expect(await status({ 'x-keytray-token': token })).toBe(200);
  });

  it('answers 421 to a Host that is not its own, even with the token (no DNS rebinding)', async () => {
    const { port, token, preview } = await startServer();
    for (const host of [
      'evil.test',
      `evil.test:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `[::1]:${port}`,
    ]) {
      const headers = { ...json, 'x-keytray-token': token, host };
      const invoke = await call(port, '/api/desktop/popup', {
        method: 'POST',
        headers,
        body: JSON.stringify({ visible: true }),
      });
      expect(invoke.status, host).toBe(421);
      expect((await call(port, '/', { headers: { host } })).status, host).toBe(421);
    }
    expect(preview.state.popupVisible).toBe(false);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const headers = { 'x-keytray-token': token, host };
      expect((await call(port, '/__test__/clipboard', { headers })).status, host).toBe(200);
    }
  });

  it('answers 403 to a request from another origin, another local port included, even with the token', async () => {
    const { port, token, origin, preview } = await startServer();
    const popup = (headers: OutgoingHttpHeaders) =>
      call(port, '/api/desktop/popup', {
        method: 'POST',
        headers: { ...json, 'x-keytray-token': token, ...headers },
        body: JSON.stringify({ visible: true }),
      });
    const foreign: OutgoingHttpHeaders[] = [
      { origin: `http://127.0.0.1:${port + 1}` },
      { origin: `http://localhost:${port + 1}` },
      { origin: 'https://evil.test' },
      { origin: 'null' },
      // A page on another port is the same "site": fetch metadata says so even where no Origin is sent.
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) expect((await popup(headers)).status, JSON.stringify(headers)).toBe(403);
    expect(
      (await call(port, '/__test__/clipboard', { headers: { origin: 'http://127.0.0.1:1' } })).status,
    ).toBe(403);
    expect(preview.state.popupVisible).toBe(false);
    expect((await popup({ origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(preview.state.popupVisible).toBe(true);
  });

  it('answers 415 to a POST whose body is not declared application/json', async () => {
    const { port, token, preview } = await startServer();
    const body = JSON.stringify({ visible: true });
    const post = (type: string | undefined) =>
      call(port, '/api/desktop/popup', {
        method: 'POST',
        headers: { 'x-keytray-token': token, ...(type ? { 'content-type': type } : {}) },
        body,
      });
    // What a form or a no-cors fetch on another page can send without asking the server first.
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      undefined,
    ])
      expect((await post(type)).status, String(type)).toBe(415);
    expect(preview.state.popupVisible).toBe(false);
    expect((await post('Application/JSON; charset=utf-8')).status).toBe(200);
    expect(preview.state.popupVisible).toBe(true);
  });

  it('sends framing, referrer and content headers on every response, refusals included, and never a cookie', async () => {
    const { port, token } = await startServer();
    const authed = { ...json, 'x-keytray-token': token };
    const answers: Record<string, Answer> = {
      'desktop page': await call(port, `/?token=${token}`),
      'desktop script': await call(port, '/desktop.js'),
      'popup script': await call(port, '/popup/assets/app.js'),
      'event stream': await call(port, '/api/events', { headers: authed }),
      'bridge answer': await call(port, '/api/invoke', {
        method: 'POST',
        headers: authed,
        body: JSON.stringify({ channel: 'account.status' }),
      }),
      'bad body': await call(port, '/api/invoke', { method: 'POST', headers: authed, body: '{' }),
      'not found': await call(port, '/nothing-here'),
      '401': await call(port, '/api/invoke', { method: 'POST', headers: json, body: '{}' }),
      '403': await call(port, '/api/invoke', { headers: { ...authed, origin: 'http://127.0.0.1:1' } }),
      '415': await call(port, '/api/invoke', { method: 'POST', headers: { 'x-keytray-token': token } }),
      '421': await call(port, '/', { headers: { host: 'evil.test' } }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.headers['content-security-policy'], name).toMatch(/frame-ancestors 'none'/);
      expect(answer.headers['x-frame-options'], name).toBe('DENY');
      expect(answer.headers['referrer-policy'], name).toBe('no-referrer');
      expect(answer.headers['x-content-type-options'], name).toBe('nosniff');
      expect(answer.headers['set-cookie'], name).toBeUndefined();
    }
    expect(answers['desktop page']?.headers['content-security-policy']).toMatch(
      /script-src|default-src 'self'/,
    );

    // The popup document alone may be framed, and only by a page of its own origin: the desktop page.
    const popup = await call(port, '/popup/index.html');
    expect(popup.status).toBe(200);
    expect(popup.headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(popup.headers['content-security-policy']).not.toMatch(/frame-ancestors 'self' \S/);
    expect(popup.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(popup.headers['referrer-policy']).toBe('no-referrer');
    expect(popup.body).toContain('<script type="module" src="/bridge.js"></script>');
  });

  it('serves the shell pages without the token, and they hold no secret', async () => {
    const { port, token } = await startServer();
    for (const path of ['/', '/desktop.js', '/bridge.js', '/popup/index.html', '/popup/assets/app.js']) {
      const answer = await call(port, path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).not.toContain(token);
    }
  });

  it('parses every body with its schema: malformed, misshapen or oversized bodies change nothing', async () => {
    const { port, token, preview, clock, core } = await startServer({ maxBodyBytes: 1024 });
    const post = (path: string, body: string | Buffer) =>
      call(port, path, { method: 'POST', headers: { ...json, 'x-keytray-token': token }, body });
    expect((await post('/api/desktop/popup', '{"visible":')).status).toBe(400);
    expect((await post('/api/desktop/popup', '')).status).toBe(400);
    expect((await post('/api/desktop/popup', '{"visible":"yes"}')).status).toBe(400);
    expect((await post('/api/desktop/popup', '{"visible":true,"extra":1}')).status).toBe(400);
    expect((await post('/api/desktop/popup', '[true]')).status).toBe(400);
    expect((await post('/api/desktop/tray', '{"index":"0"}')).status).toBe(400);
    expect((await post('/api/desktop/notification', '{"index":-1}')).status).toBe(400);
    expect((await post('/__test__/clock', '{"advanceMs":-5}')).status).toBe(400);
    expect((await post('/__test__/clock', '{"now":"soon"}')).status).toBe(400);
    expect((await post('/api/invoke', '{"channel":"keys.reveal.all"}')).status).toBe(400);
    expect((await post('/api/invoke', '{"channel":"constructor"}')).status).toBe(400);
    const huge = JSON.stringify({ visible: true, pad: 'x'.repeat(2_000) });
    const tooLarge = await post('/api/desktop/popup', huge);
    expect(tooLarge.status).toBe(413);
    expect(preview.state.popupVisible).toBe(false);
    expect(clock.now()).toEqual(START);

    // A chunked body has no length to check up front: it is counted as it arrives.
    const chunked = await call(port, '/api/desktop/popup', {
      method: 'POST',
      headers: { ...json, 'x-keytray-token': token, 'transfer-encoding': 'chunked' },
      body: huge,
    });
    expect(chunked.status).toBe(413);

    // The envelope passes; the payload is then held to the channel's contract schema by the core.
    const badPayload = await post(
      '/api/invoke',
      JSON.stringify({ channel: 'keys.copy', payload: { id: 1 } }),
    );
    expect(badPayload.status).toBe(200);
    expect(JSON.parse(badPayload.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.handlers['account.status'](undefined)).toMatchObject({ ok: true });
  });

  it('cuts off a client that stalls in its headers or its body', async () => {
    const { port, token } = await startServer({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const stall = (text: string) =>
      new Promise<{ answer: string; ms: number }>((resolve, reject) => {
        const started = Date.now();
        const socket = connect(port, '127.0.0.1', () => socket.write(text));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('close', () => resolve({ answer, ms: Date.now() - started }));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('the server kept a stalled request open')), 5_000);
      });
    const headers = await stall(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-keytray-`);
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(headers.ms).toBeLessThan(3_000);
    const body = await stall(
      `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-keytray-token: ${token}\r\n` +
        'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"channel":',
    );
    expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(body.ms).toBeLessThan(3_000);
  });

  it('streams the core events only to a client that sends the token', async () => {
    const { port, token, core } = await startServer();
    setTimeout(() => core.events.emit('keys.changed', {}), 50);
    const stream = await call(port, '/api/events', { headers: { 'x-keytray-token': token } });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream');
    expect(stream.body).toContain('event: keys.changed\ndata: {}');
    const refused = await call(port, '/api/events');
    expect(refused.status).toBe(401);
    expect(refused.body).not.toContain('event:');
  });
});
