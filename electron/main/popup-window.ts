import { BrowserWindow, screen, type Rectangle } from 'electron';
import { createPopupToggle } from './popup-toggle.js';
import { secureWebPreferences } from './security.js';
import { popupPosition } from './window-position.js';

export const POPUP_SIZE = { width: 380, height: 560 } as const;

/**
 * The popup: frameless, fixed size, out of the taskbar, hidden until positioned, placed by
 * `popupPosition`, hidden on blur (after the menubar#274 guard in `popup-toggle.ts`). On macOS it follows the
 * person across Spaces (keepassxc#2823).
 */
export function createPopupWindow(options: {
  preload: string;
  rendererUrl: string;
  trayBounds: () => Rectangle;
  onShown: () => void;
}) {
  const window = new BrowserWindow({
    ...POPUP_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Keytray',
    backgroundColor: '#00000000',
    webPreferences: secureWebPreferences(options.preload),
  });
  if (process.platform === 'darwin') window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });

  const place = () => {
    const cursor = screen.getCursorScreenPoint();
    const trayBounds = options.trayBounds();
    const anchor = trayBounds.width > 0 ? { x: trayBounds.x, y: trayBounds.y } : cursor;
    const display = screen.getDisplayNearestPoint(anchor);
    const { x, y } = popupPosition({
      trayBounds,
      cursor,
      workArea: display.workArea,
      display: display.bounds,
      size: POPUP_SIZE,
      platform: process.platform,
    });
    window.setPosition(x, y, false);
  };

  const toggle = createPopupToggle({
    show: () => {
      place();
      window.show();
      window.focus();
      options.onShown();
    },
    hide: () => window.hide(),
    isVisible: () => window.isVisible(),
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  window.on('blur', () => toggle.blurred());
  window.on('focus', () => toggle.focused());
  void window.loadURL(options.rendererUrl);

  return {
    window,
    toggle,
    open: () => toggle.open(),
    hide: () => window.hide(),
  };
}

export type PopupWindow = ReturnType<typeof createPopupWindow>;
