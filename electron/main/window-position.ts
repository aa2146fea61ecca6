/**
 * Where the popup goes: a pure function of the tray icon's bounds, the display's work area and bounds, the
 * window size and the platform, table-tested per taskbar side (as menubar does). When the tray reports empty
 * bounds (always on Linux, electron/electron#15003; for ~500 ms after creation on macOS, #35984) the cursor
 * stands in for the icon. The result is clamped into the work area (icons in the Windows overflow area, moved
 * taskbars and multi-monitor setups give odd bounds: menubar#438, #435, #206) and rounded.
 */
export type Rect = { x: number; y: number; width: number; height: number };
export type Point = { x: number; y: number };
export type TaskbarSide = 'top' | 'bottom' | 'left' | 'right';

const GAP = 4;

export function taskbarSide(workArea: Rect, display: Rect, anchor: Rect): TaskbarSide {
  if (workArea.y > display.y) return 'top';
  if (workArea.y + workArea.height < display.y + display.height) return 'bottom';
  if (workArea.x > display.x) return 'left';
  if (workArea.x + workArea.width < display.x + display.width) return 'right';
  // An auto-hiding taskbar takes no space: judge by where the icon is.
  return anchor.y < display.y + display.height / 2 ? 'top' : 'bottom';
}

export function popupPosition(input: {
  trayBounds: Rect;
  cursor: Point;
  workArea: Rect;
  display: Rect;
  size: { width: number; height: number };
  platform: NodeJS.Platform;
}): Point {
  const { workArea, size } = input;
  const empty = input.trayBounds.width === 0 || input.trayBounds.height === 0;
  const anchor: Rect = empty ? { ...input.cursor, width: 0, height: 0 } : input.trayBounds;
  // macOS has one menu bar, at the top.
  const side = input.platform === 'darwin' ? 'top' : taskbarSide(workArea, input.display, anchor);
  const centreX = anchor.x + anchor.width / 2 - size.width / 2;
  const centreY = anchor.y + anchor.height / 2 - size.height / 2;

  let x: number;
  let y: number;
  switch (side) {
    case 'top':
      x = centreX;
      y = Math.max(workArea.y, anchor.y + anchor.height) + GAP;
      break;
    case 'bottom':
      x = centreX;
      y = Math.min(workArea.y + workArea.height, anchor.y) - size.height - GAP;
      break;
    case 'left':
      x = Math.max(workArea.x, anchor.x + anchor.width) + GAP;
      y = centreY;
      break;
    case 'right':
      x = Math.min(workArea.x + workArea.width, anchor.x) - size.width - GAP;
      y = centreY;
      break;
  }
  const clamp = (value: number, min: number, max: number) =>
    Math.min(Math.max(value, min), Math.max(min, max));
  return {
    x: Math.round(clamp(x, workArea.x + GAP, workArea.x + workArea.width - size.width - GAP)),
    y: Math.round(clamp(y, workArea.y + GAP, workArea.y + workArea.height - size.height - GAP)),
  };
}
