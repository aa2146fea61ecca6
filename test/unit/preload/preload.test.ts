import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENT_NAMES, type KeytrayBridge } from '../../../electron/common/contract.js';
import { contextBridge, ipcRenderer } from '../../fixtures/fake-electron.js';

describe('preload', () => {
  it('exposes window.keytray with exactly one function per contract channel, plus on()', async () => {
    await import('../../../electron/preload/index.js');
    expect([...contextBridge.exposed.keys()]).toEqual(['keytray']);
    const api = contextBridge.exposed.get('keytray') as Record<string, unknown>;
    const exposed = Object.entries(api).flatMap(([namespace, value]) =>
      typeof value === 'function'
        ? [namespace]
        : Object.keys(value as object).map((method) => `${namespace}.${method}`),
    );
    expect(exposed.sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('each function invokes its own channel; events arrive through on() and can be unsubscribed', async () => {
    await import('../../../electron/preload/index.js');
    const api = contextBridge.exposed.get('keytray') as KeytrayBridge;
    await api.keys.copy({ id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', format: 'env' });
    expect(ipcRenderer.invoked.at(-1)).toEqual({
      channel: 'keytray:keys.copy',
      payload: { id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', format: 'env' },
    });
    const seen: unknown[] = [];
    const off = api.on('copied', (payload) => seen.push(payload));
    ipcRenderer.emit('keytray-event:copied', {}, { label: 'x', clearsInSeconds: 30 });
    off();
    ipcRenderer.emit('keytray-event:copied', {}, { label: 'y', clearsInSeconds: 30 });
    expect(seen).toEqual([{ label: 'x', clearsInSeconds: 30 }]);
    expect(EVENT_NAMES).toContain('copied');
  });
});
