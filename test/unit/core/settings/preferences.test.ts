import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../../electron/common/models.js';
import { DEFAULT_SETTINGS, SettingsFile } from '../../../../electron/core/settings/stored-state.js';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

describe('preferences', () => {
  it('start at the documented defaults', async () => {
    const { core } = createCoreHarness();
    expect(value(await core.handlers['settings.get'](undefined))).toEqual({
      clipboardClearSeconds: 30,
      reminderLeadDays: [30, 7, 1, 0],
      globalShortcut: 'CommandOrControl+Shift+K',
      launchAtLogin: false,
      hideAfterCopy: true,
      unusedAfterDays: 90,
    });
    expect(DEFAULT_PREFERENCES.clipboardClearSeconds).toBe(30);
  });

  it('apply the clear time to the next copy', async () => {
    const { core, simulator, desktop, clock } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    value(await core.handlers['settings.set']({ clipboardClearSeconds: 10 }));
    const id = simulator.ownerKey.split('_')[0] as string;
    expect(value(await core.handlers['keys.copy']({ id, format: 'raw' })).clearsInSeconds).toBe(10);
    clock.advance(10_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(desktop.clipboard).toBe('');
  });

  it('refuse a shortcut another app holds, keeping the old one', async () => {
    const { core, desktop } = createCoreHarness();
    const result = await core.handlers['settings.set']({ globalShortcut: 'CommandOrControl+Shift+T' });
    expect(!result.ok && result.error.message).toBe(
      'Another app already uses that shortcut, or it can’t be used on this computer. Choose another.',
    );
    expect(value(await core.handlers['settings.get'](undefined)).globalShortcut).toBe(
      'CommandOrControl+Shift+K',
    );
    expect(value(await core.handlers['settings.set']({ globalShortcut: '' })).globalShortcut).toBe('');
    expect(desktop.shortcut).toBe('');
  });

  it('turn launch at login on through the desktop', async () => {
    const { core, desktop } = createCoreHarness();
    value(await core.handlers['settings.set']({ launchAtLogin: true }));
    expect(desktop.launchAtLogin).toBe(true);
  });
});

describe('Unused after (key hygiene)', () => {
  it('reads settings saved before it as 90 days, and keeps a choice when another setting changes', async () => {
    const { unusedAfterDays: _added, ...before } = DEFAULT_PREFERENCES;
    const file = SettingsFile.parse({
      ...DEFAULT_SETTINGS,
      preferences: { ...before, hideAfterCopy: false },
    });
    expect(file.preferences).toMatchObject({ unusedAfterDays: 90, hideAfterCopy: false });
    const { core } = createCoreHarness();
    value(await core.handlers['settings.set']({ unusedAfterDays: 30 }));
    value(await core.handlers['settings.set']({ clipboardClearSeconds: 10 }));
    expect(value(await core.handlers['settings.get'](undefined)).unusedAfterDays).toBe(30);
    const refused = await core.handlers['settings.set']({ unusedAfterDays: 45 as never });
    expect(refused.ok).toBe(false);
  });
});
