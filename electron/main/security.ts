import { app, type IpcMainInvokeEvent, type Session, type WebContents, type WebPreferences } from 'electron';
import { RENDERER_URL } from './app-protocol.js';

/**
 * Rule 5 of the design: secure window defaults. Every web contents is sandboxed and isolated, may not
 * navigate, open windows or attach webviews, and every permission request is refused. Devtools exist only
 * in an unpackaged build.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click can open links in new windows behind the window-open handler's back.
    disableBlinkFeatures: 'Auxclick',
    devTools: !app.isPackaged,
  };
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the above to every web contents the app will ever create. Call before the first window. */
export function installSecurityHooks(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/**
 * Every IPC call's sender is checked before the core sees it: our popup's web contents, its main frame (not
 * an iframe), and the page we loaded from `app://renderer/index.html` (not a `file://` page, another origin,
 * or anything the popup was tricked into navigating to).
 */
export function createSenderCheck(popup: () => WebContents | null) {
  const wanted = new URL(RENDERER_URL);
  return (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean => {
    const contents = popup();
    const frame = event.senderFrame;
    if (!contents || event.sender !== contents || !frame) return false;
    if (frame !== contents.mainFrame) return false;
    try {
      const actual = new URL(frame.url);
      return (
        actual.protocol === wanted.protocol &&
        actual.host === wanted.host &&
        actual.pathname === wanted.pathname
      );
    } catch {
      return false;
    }
  };
}
