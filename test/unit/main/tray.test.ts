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

  // One truth about expiry (issue 11): the count is a badge only where the platform draws one beside a tray
  // icon (the macOS menu-bar title). A Windows tray icon has no overlay badge (overlays belong to taskbar
  // buttons, and the popup has none: skipTaskbar), so there, as on Linux, the attention icon and the tooltip
  // (which names the horizon) say it.
  const ATTENTION: TrayModel = {
    ...MODEL,
    icon: 'attention',
    badge: 3,
    tooltip: 'Keytray — 3 keys need attention (expired or expiring within 7 days)',
  };
  it.each([
    ['darwin', '3', 'trayAttentionTemplate.png', 'trayTemplate.png'],
    ['win32', '', 'tray-attention.ico', 'tray.ico'],
    ['linux', '', 'tray-attention.png', 'tray.png'],
  ] as const)(
    'on %s: title %j, attention icon %s, the tooltip everywhere',
    (platform, title, alert, calm) => {
      const real = Object.getOwnPropertyDescriptor(process, 'platform');
      Object.defineProperty(process, 'platform', { value: platform });
      try {
        const appTray = setupTray({ iconDir: '/icons', onClick: () => {}, onMenu: () => {} });
        const tray = Tray.created.at(-1) as Tray;
        appTray.update(ATTENTION);
        expect({ title: tray.title, image: tray.image, tooltip: tray.tooltip }).toEqual({
          title,
          image: { path: `/icons/${alert}` },
          tooltip: ATTENTION.tooltip,
        });
        appTray.update(MODEL);
        expect({ title: tray.title, image: tray.image, tooltip: tray.tooltip }).toEqual({
          title: '',
          image: { path: `/icons/${calm}` },
          tooltip: 'Keytray',
        });
      } finally {
        if (real) Object.defineProperty(process, 'platform', real);
      }
    },
  );
});

describe('tray with several accounts', () => {
  type RadioItem = { label: string; type?: string; checked?: boolean; enabled?: boolean; click?: () => void };
  it('lists the accounts as radio items (the active one checked), greys the headings, and choosing one switches', () => {
    const chosen: TrayMenuItem[] = [];
    setupTray({ iconDir: '/icons', onClick: () => {}, onMenu: (item) => void chosen.push(item) }).update({
      ...MODEL,
      menu: [
        { kind: 'open', label: 'Open Keytray' },
        { kind: 'separator' },
        { kind: 'account', label: 'Production', accountId: 'u:user-owner-42', active: true },
        { kind: 'account', label: 'Staging', accountId: 'u:user-owner-7', active: false },
        { kind: 'separator' },
        { kind: 'heading', label: 'Staging' },
        {
          kind: 'copy',
          label: 'Copy billing bot',
          target: { kind: 'key', id: 'KEY0000AAAA1111BBBB2222CCCC3333DDDD', account: 'u:user-owner-7' },
        },
        { kind: 'quit', label: 'Quit' },
      ],
    });
    // The template Electron's Menu was built from: radio type, checked and enabled as given.
    const items = ((Tray.created.at(-1) as Tray).menu as { template: RadioItem[] }).template;
    expect(items.filter((i) => i.type === 'radio').map((i) => [i.label, i.checked])).toEqual([
      ['Production', true],
      ['Staging', false],
    ]);
    expect(items.find((i) => i.label === 'Staging' && i.type !== 'radio')).toMatchObject({ enabled: false });
    items.find((i) => i.label === 'Staging' && i.type === 'radio')?.click?.();
    items.find((i) => i.label === 'Copy billing bot')?.click?.();
    expect(chosen).toMatchObject([
      { kind: 'account', accountId: 'u:user-owner-7' },
      { kind: 'copy', target: { account: 'u:user-owner-7' } },
    ]);
  });
});
