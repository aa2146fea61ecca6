import { describe, expect, it } from 'vitest';
import { FakeSession, FakeWebContents } from '../../fixtures/fake-electron.js';
import {
  createSenderCheck,
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
} from '../../../electron/main/security.js';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

const RENDERER = 'file:///Applications/Keytray.app/Contents/Resources/app.asar/out/renderer/index.html';

describe('window security', () => {
  it('isolates and sandboxes the renderer, with no Node and devtools only when unpackaged', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
    });
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    const contents = new FakeWebContents(RENDERER);
    hardenWebContents(contents as unknown as WebContents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    let granted: boolean | null = null;
    session.permissionRequest?.(null, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(session.permissionCheck?.(null, 'clipboard-read')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const popup = new FakeWebContents(RENDERER);
  const check = createSenderCheck(() => ({ contents: popup as unknown as WebContents, url: RENDERER }));
  const event = (sender: FakeWebContents, frame: { url: string } | null) =>
    ({ sender, senderFrame: frame }) as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

  it('accepts the popup main frame on the page we loaded', () => {
    expect(check(event(popup, popup.mainFrame))).toBe(true);
  });

  it('refuses a foreign window, a subframe, another page, and a missing frame', () => {
    const other = new FakeWebContents(RENDERER);
    expect(check(event(other, other.mainFrame))).toBe(false);
    expect(check(event(popup, { url: RENDERER }))).toBe(false);
    const navigated = new FakeWebContents('https://evil.example/index.html');
    const checkNavigated = createSenderCheck(() => ({
      contents: navigated as unknown as WebContents,
      url: RENDERER,
    }));
    expect(checkNavigated(event(navigated, navigated.mainFrame))).toBe(false);
    expect(check(event(popup, null))).toBe(false);
  });
});
