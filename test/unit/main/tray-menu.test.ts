import { describe, expect, it } from 'vitest';
import { trayIconFile, trayMenuTemplate } from '../../../electron/main/tray-menu.js';
import { buildTrayModel, type TrayMenuItem } from '../../../electron/core/tray-model/tray-model.js';

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
      now: new Date(),
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
