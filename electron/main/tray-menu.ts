import type { MenuItemConstructorOptions } from 'electron';
import type { TrayMenuItem, TrayModel } from '../core/tray-model/tray-model.js';
import { menuLabel } from './native-text.js';

/**
 * The core's tray model as an Electron menu template. Pure: the same model the preview draws. Labels carry
 * names and tags, so their `&` is escaped (see native-text.ts).
 */
export function trayMenuTemplate(
  model: TrayModel,
  choose: (item: TrayMenuItem) => void,
): MenuItemConstructorOptions[] {
  return model.menu.map((item): MenuItemConstructorOptions =>
    item.kind === 'separator'
      ? { type: 'separator' }
      : item.kind === 'hint' || item.kind === 'heading'
        ? // A hint, or an account's name above its pinned items: greyed out, like any item that does nothing.
          { label: menuLabel(item.label), enabled: false }
        : item.kind === 'account'
          ? // The accounts as radio items: the active one checked; choosing another switches to it.
            { label: menuLabel(item.label), type: 'radio', checked: item.active, click: () => choose(item) }
          : { label: menuLabel(item.label), click: () => choose(item) },
  );
}

/**
 * Icon files per platform and state. macOS wants `…Template.png` (black + alpha, @1x and @2x) so the menu
 * bar tints it for light and dark (electron/electron#833); Windows an .ico; Linux a plain PNG.
 */
export function trayIconFile(platform: NodeJS.Platform, attention: boolean): string {
  const name = attention ? 'tray-attention' : 'tray';
  if (platform === 'darwin') return `${attention ? 'trayAttention' : 'tray'}Template.png`;
  if (platform === 'win32') return `${name}.ico`;
  return `${name}.png`;
}
