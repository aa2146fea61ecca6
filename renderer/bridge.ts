import type { KeytrayBridge } from '../electron/common/channels.js';

declare global {
  interface Window {
    /** Set by the preload (Electron) or the preview bridge before the popup's code runs. */
    readonly keytray: KeytrayBridge;
  }
}

/** The popup's only way out: one function per IPC channel, typed by the contract. */
export const keytray: KeytrayBridge = window.keytray;
