import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  handleAppScheme,
  registerAppScheme,
  RENDERER_URL,
  serveFolder,
} from '../../../electron/main/app-protocol.js';
import { app, protocol } from '../../fixtures/fake-electron.js';

/** A built app's layout: the renderer beside main, and a secret-looking file outside both. */
function builtApp() {
  const root = mkdtempSync(join(tmpdir(), 'keytray-app-scheme-'));
  const out = join(root, 'out');
  mkdirSync(join(out, 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(out, 'main'), { recursive: true });
  writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>Keytray</title>');
  writeFileSync(join(out, 'renderer', 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(out, 'renderer', 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(out, 'main', 'index.js'), 'MAIN PROCESS SOURCE');
  writeFileSync(join(root, 'outside.txt'), 'OUTSIDE THE RENDERER');
  return { root, rendererDir: join(out, 'renderer') };
}

describe('the app:// scheme', () => {
  let layout: ReturnType<typeof builtApp>;
  let serve: (request: Request) => Promise<Response>;
  const get = async (url: string, init?: RequestInit) => {
    const response = await serve(new Request(url, init));
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
  beforeAll(() => {
    layout = builtApp();
    serve = serveFolder(layout.rendererDir);
  });

  it('serves the popup and its assets from out/renderer with their content types', async () => {
    expect(await get(RENDERER_URL)).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Keytray</title>',
    });
    expect(await get('app://renderer/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('app://renderer/assets/index-abc.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log(1)',
    });
    expect(await get('app://renderer/assets/index-abc.css')).toMatchObject({
      type: 'text/css; charset=utf-8',
    });
    const response = await serve(new Request(RENDERER_URL));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://renderer/../main/index.js',
    'app://renderer/%2e%2e/main/index.js',
    'app://renderer/..%2fmain%2findex.js',
    'app://renderer/assets/..%2F..%2F..%2Fmain%2Findex.js',
    'app://renderer/%2e%2e%2f%2e%2e%2foutside.txt',
    'app://renderer/..%5c..%5coutside.txt',
    'app://renderer/index.html%00.png',
    'app://renderer/missing.js',
    'app://renderer/assets',
    'app://other/index.html',
  ])('refuses %s with a 404 and serves nothing outside out/renderer', async (url) => {
    const answer = await get(url);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toMatch(/MAIN PROCESS SOURCE|OUTSIDE THE RENDERER/);
  });

  it('refuses absolute paths, even encoded', async () => {
    const outside = join(layout.root, 'outside.txt');
    for (const url of [
      `app://renderer/${encodeURIComponent(outside)}`,
      `app://renderer/${outside}`,
      `app://renderer//${outside}`,
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(answer.body).not.toContain('OUTSIDE THE RENDERER');
    }
  });

  it('answers only reads', async () => {
    expect((await get(RENDERER_URL, { method: 'POST', body: '{}' })).status).toBe(405);
    const head = await serve(new Request(RENDERER_URL, { method: 'HEAD' }));
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('the popup page keeps its strict CSP: scripts, styles and fetches only from app://renderer itself', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    // 'self' is app://renderer now that the scheme is standard: nothing else may run or be reached.
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(csp).not.toMatch(/unsafe-|\*|file:|https?:/);
  });

  it('is registered as a standard, secure scheme before the app is ready, then handled', async () => {
    app.ready = false;
    registerAppScheme();
    expect(protocol.privileged).toContainEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true }),
    });
    await app.whenReady();
    handleAppScheme(layout.rendererDir);
    const handler = protocol.handlers.get('app');
    const response = await handler?.(new Request('app://renderer/..%2fmain%2findex.js'));
    expect(response?.status).toBe(404);
    expect((await handler?.(new Request(RENDERER_URL)))?.status).toBe(200);
  });
});
