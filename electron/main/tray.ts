import { join } from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { withUpdateItem, type TrayMenuItem, type TrayModel } from '../core/tray-model/tray-model.js';
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
  /** In a build with an update feed: what the update item offers now (see `withUpdateItem`). */
  updateItem?: () => 'check' | 'restart';
}) {
  const icon = (attention: boolean) =>
    nativeImage.createFromPath(join(options.iconDir, trayIconFile(process.platform, attention)));
  const tray = new Tray(icon(false));
  tray.setToolTip('Keytray');
  tray.on('click', options.onClick);
  let attention = false;
  let model: TrayModel | null = null;
  let menu: Menu | null = null;

  const draw = () => {
    if (!model) return;
    tray.setToolTip(model.tooltip);
    // The badge where the platform has one: macOS draws a title beside the menu-bar icon. Elsewhere the
    // attention icon and the tooltip (which names the horizon) say it: a tray icon has no overlay badge.
    if (process.platform === 'darwin') tray.setTitle(model.badge > 0 ? String(model.badge) : '');
    const wantsAttention = model.icon === 'attention';
    if (wantsAttention !== attention) {
      attention = wantsAttention;
      tray.setImage(icon(attention));
    }
    const shown = options.updateItem ? withUpdateItem(model, options.updateItem()) : model;
    menu = Menu.buildFromTemplate(trayMenuTemplate(shown, options.onMenu));
    tray.setContextMenu(menu);
  };

  return {
    tray,
    /** The core's new model. */
    update(next: TrayModel) {
      model = next;
      draw();
    },
    /** Draws the last model again: the update item changed. */
    redraw: draw,
    /** The context menu as last drawn (the Electron end-to-end suite's hooks choose from it). */
    menu: () => menu,
  };
}

export type AppTray = ReturnType<typeof setupTray>;
