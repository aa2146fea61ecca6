import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, openPopup, test } from './fixtures.js';

/**
 * The preview's credential, seen from the browser: the printed address signs one tab in and then leaves the
 * address bar; nothing ambient (no cookie) is left for another local port to receive or use; and a page on
 * another port, in the very tab that holds the token, can neither frame the popup nor act for it.
 */

type Seen = { url: string; headers: IncomingMessage['headers']; body: string };

/** Another local server, as any dev server on this machine: it records everything the browser sends it. */
async function startOtherPortServer(page: string) {
  const seen: Seen[] = [];
  let report: unknown = null;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/report') report = JSON.parse(body) as unknown;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/' ? page : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    seen,
    report: () => report,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The other port's page: frames the popup and the desktop page, looks for the token in its own storage,
 * tosses a cookie onto 127.0.0.1 (cookies ignore ports), and tries to disconnect the account by every
 * request a page can make without the token: a CORS fetch with credentials, a no-cors fetch and a form.
 */
function attackerPage(preview: string) {
  return `<!doctype html><html><body>
<iframe id="popup" title="framed popup" src="${preview}/popup/index.html"></iframe>
<iframe id="desktop" title="framed desktop" src="${preview}/"></iframe>
<iframe name="sink" title="form target"></iframe>
<form id="form" method="post" action="${preview}/api/invoke" enctype="text/plain" target="sink">
  <input name='{"channel":"account.disconnect","x":"' value='"}'>
</form>
<script>
(async () => {
  const disconnect = JSON.stringify({ channel: 'account.disconnect' });
  const report = { storage: sessionStorage.getItem('keytray-preview-token'), cookie: document.cookie };
  document.cookie = 'keytray_preview=tossed; path=/; max-age=3600';
  try {
    const r = await fetch('${preview}/api/invoke', {
      method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: disconnect,
    });
    report.cors = 'answered ' + r.status;
  } catch { report.cors = 'blocked'; }
  try {
    const r = await fetch('${preview}/api/invoke', { method: 'POST', mode: 'no-cors', credentials: 'include', body: disconnect });
    report.noCors = r.type;
  } catch { report.noCors = 'blocked'; }
  document.getElementById('form').submit();
  await new Promise((r) => setTimeout(r, 500));
  await fetch('/report', { method: 'POST', body: JSON.stringify(report) });
})();
</script></body></html>`;
}

test('the printed address signs this tab in: the token leaves the address bar, and a reload keeps working', async ({
  desktop,
  popup,
  preview,
  context,
}) => {
  const origin = new URL(preview.url).origin;
  // The fixture opened the printed address; the page took the token out of it.
  await expect(desktop).toHaveURL(`${origin}/`);
  await openPopup(desktop);
  await popup.getByRole('button', { name: 'Try the demo account' }).click();
  await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();
  expect(await context.cookies(), 'no cookie: nothing the browser would send to other ports').toEqual([]);

  await desktop.reload();
  await expect(desktop).toHaveURL(`${origin}/`);
  await openPopup(desktop);
  await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();

  // Another tab without the token is not signed in, and says how to be.
  const other = await context.newPage();
  await other.goto(`${origin}/`);
  await expect(other.getByRole('alert')).toContainText('Open the address that npm run preview printed');
});

test('a page on another local port gets no credential, cannot frame the popup and cannot act for it', async ({
  desktop,
  popup,
  preview,
}) => {
  const origin = new URL(preview.url).origin;
  const other = await startOtherPortServer(attackerPage(origin));
  try {
    await openPopup(desktop);
    await popup.getByRole('button', { name: 'Try the demo account' }).click();
    await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();

    // The same tab, which holds the token, now shows the other port's page.
    await desktop.goto(other.url);
    await expect.poll(other.report, { timeout: 15_000 }).not.toBeNull();

    // Nothing the browser sent to the other port carries the token: no cookie, no referrer, no address.
    for (const request of other.seen)
      expect(JSON.stringify(request), `request to the other port: ${request.url}`).not.toContain(
        preview.token,
      );
    expect(other.report()).toMatchObject({ storage: null, cors: 'blocked' });

    // Framing the signed-in popup (or the desktop page) is refused: the browser shows its error page in the
    // frame instead, so nothing of Keytray renders under the other page's clicks.
    const frameUrl = async (title: string) =>
      (await (await desktop.locator(`iframe[title="${title}"]`).elementHandle())?.contentFrame())?.url();
    for (const title of ['framed popup', 'framed desktop'])
      await expect.poll(() => frameUrl(title), { message: title }).toMatch(/^chrome-error:/);

    // Back to the preview (no token in the address): still signed in, still connected, despite the
    // tossed cookie and the attempts to disconnect.
    await desktop.goto(`${origin}/`);
    await openPopup(desktop);
    await expect(popup.getByRole('list', { name: 'API keys' })).toBeVisible();
    const status = await fetch(`${origin}/api/invoke`, {
      method: 'POST',
      headers: { 'x-keytray-token': preview.token, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'account.status' }),
    });
    expect(await status.json()).toMatchObject({ ok: true, value: { connected: true } });
  } finally {
    await other.close();
  }
});
