import { describe, expect, it } from 'vitest';
import { trayIconFile, trayMenuTemplate } from '../../../electron/main/tray-menu.js';
import {
  buildTrayModel,
  type TrayMenuItem,
  type TrayModel,
} from '../../../electron/core/tray-model/tray-model.js';

describe('tray menu', () => {
  it('turns the core tray model into the Electron menu, each item doing what the model says', () => {
    const model = buildTrayModel({
      keys: [
        {
          id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34',
          tags: ['prod'],
          status: 'active',
          expiresAt: null,
          hasSecret: true,
        },
      ],
      tokens: [],
      pins: [{ kind: 'key', id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', label: null }],
      attention: null,
      connected: true,
    });
    const chosen: TrayMenuItem[] = [];
    const template = trayMenuTemplate(model, (item) => chosen.push(item));
    expect(template.map((i) => i.label ?? i.type)).toEqual([
      'Open Keytray',
      'separator',
      'Copy prod …AB34',
      'separator',
      'Sync now',
      'Settings…',
      'Quit',
    ]);
    for (const item of template) (item.click as (() => void) | undefined)?.();
    expect(chosen.map((i) => i.kind)).toEqual(['open', 'copy', 'sync', 'settings', 'quit']);
  });

  it('shows an & in a name or tag as typed: R&D, not RD with an underlined D', () => {
    const model: TrayModel = {
      tooltip: 'Keytray',
      icon: 'normal',
      badge: 0,
      menu: [
        {
          kind: 'copy',
          label: 'Copy R&D',
          target: { kind: 'key', id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34' },
        },
        { kind: 'copy', label: 'Copy Q&&A & more', target: { kind: 'token', id: 't1' } },
        { kind: 'quit', label: 'Quit' },
      ],
    };
    // Electron reads a single & as a mnemonic on every platform; && is one visible &.
    expect(trayMenuTemplate(model, () => {}).map((i) => i.label)).toEqual([
      'Copy R&&D',
      'Copy Q&&&&A && more',
      'Quit',
    ]);
  });

  it('shows a hint greyed out: it says how to pin and does nothing', () => {
    const model = buildTrayModel({ keys: [], tokens: [], pins: [], attention: null, connected: true });
    const chosen: TrayMenuItem[] = [];
    const hint = trayMenuTemplate(model, (item) => chosen.push(item)).find((i) => i.enabled === false);
    expect(hint?.label).toBe('Pin a key or token in Keytray to copy it from here');
    expect(hint?.click).toBeUndefined();
  });

  it('uses template images on macOS, .ico on Windows, PNG on Linux, with an attention variant', () => {
    expect([trayIconFile('darwin', false), trayIconFile('darwin', true)]).toEqual([
      'trayTemplate.png',
      'trayAttentionTemplate.png',
    ]);
    expect([trayIconFile('win32', false), trayIconFile('linux', true)]).toEqual([
      'tray.ico',
      'tray-attention.png',
    ]);
  });
});
