import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../common/channels.js';

/**
 * `window.keytray`: one function per channel of the contract and typed event subscriptions. `ipcRenderer`
 * itself never reaches the page. Bundled to a single CommonJS file: a sandboxed preload cannot `require`
 * anything but `electron`.
 */
const keytray = createBridgeApi({
  invoke: (channel, payload) => ipcRenderer.invoke(`keytray:${channel}`, payload),
  subscribe(event, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(`keytray-event:${event}`, forward);
    return () => ipcRenderer.removeListener(`keytray-event:${event}`, forward);
  },
});

contextBridge.exposeInMainWorld('keytray', keytray);
