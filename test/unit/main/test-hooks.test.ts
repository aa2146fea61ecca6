import { afterEach, describe, expect, it } from 'vitest';
import { createElectronDesktop } from '../../../electron/main/desktop.js';
import { createTestHooks, TEST_HOOKS_GLOBAL, type TestHooks } from '../../../electron/main/test-hooks.js';
import { setupTray } from '../../../electron/main/tray.js';
import { globalShortcut } from '../../fixtures/fake-electron.js';

/**
 * The hooks the Electron end-to-end suite drives OS surfaces through. They must run the app's own handlers,
 * and must never exist in a packaged build or without `KEYTRAY_TEST_HOOKS=1`.
 */
const exposed = () => (globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL] as TestHooks | undefined;
afterEach(() => {
  Reflect.deleteProperty(globalThis, TEST_HOOKS_GLOBAL);
  globalShortcut.unregisterAll();
});

function app(options: { packaged: boolean; env: NodeJS.ProcessEnv }) {
  const happened: string[] = [];
  let tray: ReturnType<typeof setupTray> | null = null;
  const hooks = createTestHooks({ ...options, tray: () => tray });
  const desktop = createElectronDesktop({
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    tray: () => tray,
    popup: () => ({ open: () => void happened.push('popup opened'), hide: () => {} }),
    onNotificationClick: (n) => void happened.push(`clicked "${n.title}"`),
    ...(hooks.observe ? { observe: hooks.observe } : {}),
  });
  tray = setupTray({
    iconDir: '/icons',
    onClick: () => void happened.push('tray clicked'),
    onMenu: (item) => void happened.push(`chose ${'label' in item ? item.label : item.kind}`),
  });
  tray.update({
    tooltip: 'Keytray',
    icon: 'normal',
    badge: 0,
    menu: [{ kind: 'open', label: 'Open Keytray' }, { kind: 'separator' }, { kind: 'quit', label: 'Quit' }],
  });
  hooks.expose();
  return { desktop, happened };
}

describe('Electron end-to-end hooks', () => {
  it('run the app’s own handlers for the tray, its menu, a notification and the global shortcut', () => {
    const { desktop, happened } = app({ packaged: false, env: { KEYTRAY_TEST_HOOKS: '1' } });
    const hooks = exposed();
    expect(hooks).toBeDefined();

    hooks?.clickTray();
    expect(hooks?.trayMenu()).toEqual(['Open Keytray', 'Quit']);
    expect(hooks?.chooseTrayMenu('Open Keytray')).toBe(true);
    expect(hooks?.chooseTrayMenu('Nothing like this')).toBe(false);

    desktop.notify({ title: 'Telnyx key expires tomorrow', body: 'KEY01…AB34 stops working', keyIds: [] });
    expect(hooks?.notifications()).toEqual([
      { title: 'Telnyx key expires tomorrow', body: 'KEY01…AB34 stops working', keyIds: [] },
    ]);
    expect(hooks?.clickNotification('Telnyx key expires tomorrow')).toBe(true);

    expect(hooks?.pressShortcut('Alt+K')).toBe(false);
    expect(desktop.registerShortcut('Alt+K')).toBe(true);
    expect(hooks?.pressShortcut('Alt+K')).toBe(true);
    // Taken back (Settings cleared it): the hook no longer reaches a handler the OS would not call.
    desktop.registerShortcut('');
    expect(hooks?.pressShortcut('Alt+K')).toBe(false);

    expect(happened).toEqual([
      'tray clicked',
      'chose Open Keytray',
      'clicked "Telnyx key expires tomorrow"',
      'popup opened',
    ]);
  });

  it('are never installed in a packaged build, nor without KEYTRAY_TEST_HOOKS=1', () => {
    app({ packaged: true, env: { KEYTRAY_TEST_HOOKS: '1' } });
    expect(exposed()).toBeUndefined();
    app({ packaged: false, env: {} });
    expect(exposed()).toBeUndefined();
  });
});
