import { describe, expect, it } from 'vitest';
import type { TrayMenuItem, TrayModel } from '../../../electron/core/tray-model/tray-model.js';
import { setupTray } from '../../../electron/main/tray.js';
import { Tray } from '../../fixtures/fake-electron.js';

/** The tray under the fake `electron`: the menu a person opens, with the update item where a feed exists. */
const MODEL: TrayModel = {
  tooltip: 'Keytray',
  icon: 'normal',
  badge: 0,
  menu: [
    { kind: 'open', label: 'Open Keytray' },
    { kind: 'sync', label: 'Sync now' },
    { kind: 'settings', label: 'Settings…' },
    { kind: 'quit', label: 'Quit' },
  ],
};

type FakeMenu = { items: { label: string; click: () => void }[] };
const labels = (tray: Tray) => (tray.menu as FakeMenu).items.map((item) => item.label);

describe('tray', () => {
  it('without an update feed, the menu has no update item', () => {
    setupTray({ iconDir: '/icons', onClick: () => {}, onMenu: () => {} }).update(MODEL);
    expect(labels(Tray.created.at(-1) as Tray)).toEqual(['Open Keytray', 'Sync now', 'Settings…', 'Quit']);
  });

  it('with a feed: "Check for updates…" above Quit, "Restart to update" once one is downloaded', () => {
    let offer: 'check' | 'restart' = 'check';
    const chosen: TrayMenuItem['kind'][] = [];
    const appTray = setupTray({
      iconDir: '/icons',
      onClick: () => {},
      onMenu: (item) => void chosen.push(item.kind),
      updateItem: () => offer,
    });
    const tray = Tray.created.at(-1) as Tray;
    appTray.update(MODEL);
    expect(labels(tray)).toEqual(['Open Keytray', 'Sync now', 'Settings…', 'Check for updates…', 'Quit']);

    offer = 'restart';
    appTray.redraw();
    expect(labels(tray)).toEqual(['Open Keytray', 'Sync now', 'Settings…', 'Restart to update', 'Quit']);
    (tray.menu as FakeMenu).items[3]?.click();
    expect(chosen).toEqual(['restart-to-update']);
  });
});
