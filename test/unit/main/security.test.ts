import { describe, expect, it } from 'vitest';
import { FakeSession, FakeWebContents } from '../../fixtures/fake-electron.js';
import {
  createSenderCheck,
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
} from '../../../electron/main/security.js';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';

const RENDERER = 'app://renderer/index.html';
const FILE_RENDERER = 'file:///Applications/Keytray.app/Contents/Resources/app.asar/out/renderer/index.html';

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
  const check = createSenderCheck(() => popup as unknown as WebContents);
  const event = (sender: FakeWebContents, frame: { url: string } | null) =>
    ({ sender, senderFrame: frame }) as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
  /** The popup's own web contents and main frame, showing `url`. */
  const popupShowing = (url: string) => {
    const contents = new FakeWebContents(url);
    return createSenderCheck(() => contents as unknown as WebContents)(event(contents, contents.mainFrame));
  };

  it('accepts the popup main frame on app://renderer/index.html', () => {
    expect(check(event(popup, popup.mainFrame))).toBe(true);
  });

  it('refuses a foreign window, a subframe, and a missing frame', () => {
    const other = new FakeWebContents(RENDERER);
    expect(check(event(other, other.mainFrame))).toBe(false);
    expect(check(event(popup, { url: RENDERER }))).toBe(false);
    expect(check(event(popup, null))).toBe(false);
  });

  it.each([
    FILE_RENDERER,
    'file:///etc/index.html',
    'https://evil.example/index.html',
    'app://evil/index.html',
    'app://renderer/other.html',
    'http://renderer/index.html',
  ])('refuses the popup once it shows %s', (url) => {
    expect(popupShowing(url)).toBe(false);
  });

  it('refuses everything before the popup exists', () => {
    const none = createSenderCheck(() => null);
    expect(none(event(popup, popup.mainFrame))).toBe(false);
  });
});
