import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../electron/common/contract.js';
import { createEvents } from '../../../electron/core/events.js';
import type { HandlerTable } from '../../../electron/core/ipc/handler-table.js';
import { forwardEvents, registerIpc } from '../../../electron/main/ipc.js';
import { FakeWebContents, ipcMain } from '../../fixtures/fake-electron.js';
import type { WebContents } from 'electron';

describe('IPC registration', () => {
  const reached: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, async () => (reached.push(c), { ok: true, value: c })]),
  ) as unknown as HandlerTable;
  const INTERNAL = 'Something went wrong inside Keytray. Try again; if it keeps happening, restart Keytray.';
  handlers['keys.sync'] = async () => ({ ok: false, error: { code: 'internal', message: INTERNAL } });
  handlers['keys.list'] = async () => ({
    ok: false,
    error: { code: 'unavailable', message: 'Telnyx could not be reached.' },
  });
  const trusted = new FakeWebContents('app://renderer/index.html');
  registerIpc({
    handlers,
    isTrustedSender: (event) => event.sender === (trusted as unknown),
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    logPath: '/home/ada/.config/Keytray/logs/main.log',
  });

  it('registers exactly the channels of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => `keytray:${c}`).sort());
  });

  it('a trusted sender reaches the core; a foreign one is refused before it', async () => {
    const handler = ipcMain.handlers.get('keytray:keys.copy');
    expect(
      await handler?.({ sender: trusted, senderFrame: trusted.mainFrame }, { id: 'x', format: 'raw' }),
    ).toEqual({ ok: true, value: 'keys.copy' });
    const stranger = new FakeWebContents('https://evil.example/');
    expect(await handler?.({ sender: stranger, senderFrame: stranger.mainFrame }, {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Refused: this request did not come from the Keytray popup.' },
    });
    expect(reached).toEqual(['keys.copy']);
  });

  it('a failure inside Keytray says where its log file is; other failures are passed on as they are', async () => {
    const call = (channel: string) =>
      ipcMain.handlers.get(`keytray:${channel}`)?.({ sender: trusted, senderFrame: trusted.mainFrame }, {});
    expect(await call('keys.sync')).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: `${INTERNAL} Details are in Keytray's log file: /home/ada/.config/Keytray/logs/main.log`,
      },
    });
    expect(await call('keys.list')).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Telnyx could not be reached.' },
    });
  });

  it('forwards the core events to the popup', () => {
    const events = createEvents();
    const popup = new FakeWebContents('app://renderer/index.html');
    forwardEvents(events, () => popup as unknown as WebContents);
    events.emit('copied', { label: 'KEY1', clearsInSeconds: 30 });
    expect(popup.sent).toEqual([
      { channel: 'keytray-event:copied', payload: { label: 'KEY1', clearsInSeconds: 30 } },
    ]);
  });
});
