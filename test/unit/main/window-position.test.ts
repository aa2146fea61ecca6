import { describe, expect, it } from 'vitest';
import { popupPosition, type Rect } from '../../../electron/main/window-position.js';

const size = { width: 380, height: 560 };
const display: Rect = { x: 0, y: 0, width: 1920, height: 1080 };

describe('popup position', () => {
  it.each([
    // platform, taskbar, work area, tray bounds → expected top-left
    [
      'darwin',
      'menu bar on top',
      { x: 0, y: 25, width: 1920, height: 1055 },
      { x: 1500, y: 0, width: 22, height: 24 },
      { x: 1321, y: 29 },
    ],
    [
      'win32',
      'taskbar at the bottom',
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1700, y: 1045, width: 24, height: 32 },
      { x: 1522, y: 476 },
    ],
    [
      'win32',
      'taskbar on top',
      { x: 0, y: 40, width: 1920, height: 1040 },
      { x: 1700, y: 4, width: 24, height: 32 },
      { x: 1522, y: 44 },
    ],
    [
      'win32',
      'taskbar on the left',
      { x: 60, y: 0, width: 1860, height: 1080 },
      { x: 14, y: 900, width: 32, height: 24 },
      { x: 64, y: 516 },
    ],
    [
      'win32',
      'taskbar on the right',
      { x: 0, y: 0, width: 1860, height: 1080 },
      { x: 1874, y: 900, width: 32, height: 24 },
      { x: 1476, y: 516 },
    ],
    [
      'linux',
      'panel on top',
      { x: 0, y: 32, width: 1920, height: 1048 },
      { x: 1800, y: 4, width: 24, height: 24 },
      { x: 1536, y: 36 },
    ],
  ] as const)('%s, %s', (platform, _label, workArea, trayBounds, expected) => {
    expect(popupPosition({ trayBounds, cursor: { x: 0, y: 0 }, workArea, display, size, platform })).toEqual(
      expected,
    );
  });

  it('falls back to the cursor when the tray reports zero bounds (Linux), and clamps into the work area', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 };
    const zero = { x: 0, y: 0, width: 0, height: 0 };
    expect(
      popupPosition({
        trayBounds: zero,
        cursor: { x: 1910, y: 10 },
        workArea,
        display,
        size,
        platform: 'linux',
      }),
    ).toEqual({ x: 1536, y: 36 });
    expect(
      popupPosition({
        trayBounds: zero,
        cursor: { x: 300, y: 12 },
        workArea,
        display,
        size,
        platform: 'linux',
      }),
    ).toEqual({ x: 110, y: 36 });
  });

  it('keeps the popup on a second display left of the primary', () => {
    const left: Rect = { x: -1280, y: 0, width: 1280, height: 1024 };
    const workArea = { x: -1280, y: 0, width: 1280, height: 984 };
    const at = popupPosition({
      trayBounds: { x: -40, y: 990, width: 24, height: 30 },
      cursor: { x: 0, y: 0 },
      workArea,
      display: left,
      size,
      platform: 'win32',
    });
    expect(at.x + size.width).toBeLessThanOrEqual(0);
    expect(at.y + size.height).toBeLessThanOrEqual(984);
    expect(Number.isInteger(at.x) && Number.isInteger(at.y)).toBe(true);
  });

  it('an auto-hidden taskbar is judged by where the icon is', () => {
    const at = popupPosition({
      trayBounds: { x: 1700, y: 1050, width: 24, height: 30 },
      cursor: { x: 0, y: 0 },
      workArea: display,
      display,
      size,
      platform: 'win32',
    });
    // Above the icon, not over it.
    expect(at.y).toBe(1050 - 560 - 4);
  });
});
