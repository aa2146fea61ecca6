import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import type { TrayMenuItem, TrayModel } from '../core/tray-model/tray-model.js';
import { trayIconFile, trayMenuTemplate } from './tray-menu.js';

/**
 * The tray icon: tooltip and icon variant from the core's tray model, the context menu built from it. Left
 * click toggles the popup; where Linux's AppIndicator delivers no click (electron/electron#6773, #37112),
 * the menu's `Open Keytray` is the way in, and the global shortcut and a second launch open it too.
 */
export function setupTray(options: {
  iconDir: string;
  onClick: () => void;
  onMenu: (item: TrayMenuItem) => void;
}) {
  const icon = (attention: boolean) =>
    nativeImage.createFromPath(join(options.iconDir, trayIconFile(process.platform, attention)));
  const tray = new Tray(icon(false));
  tray.setToolTip('Keytray');
  tray.on('click', options.onClick);
  let attention = false;
  return {
    tray,
    update(model: TrayModel) {
      tray.setToolTip(model.tooltip);
      const wantsAttention = model.icon === 'attention';
      if (wantsAttention !== attention) {
        attention = wantsAttention;
        tray.setImage(icon(attention));
      }
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model, options.onMenu)));
    },
  };
}
