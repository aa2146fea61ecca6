import { describe, expect, it } from 'vitest';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

const TOKEN = 'abcDEF123_-ghiJKL456mn';

describe('every copy is confirmed on the desktop', () => {
  it('a key copied in the popup: its short id and when the clipboard clears, never the secret', async () => {
    const { core, simulator, desktop } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    const id = simulator.ownerKey.slice(0, simulator.ownerKey.indexOf('_'));
    value(await core.handlers['keys.copy']({ id, format: 'raw' }));
    expect(desktop.copyConfirmations).toEqual([
      {
        title: `Copied ${id.slice(0, 5)}…${id.slice(-4)}`,
        body: 'The clipboard clears in 30 s.',
        showForMs: 4000,
      },
    ]);
    expect(JSON.stringify(desktop.copyConfirmations)).not.toContain(simulator.ownerKey);
    // Kept apart from the notifications a click acts on.
    expect(desktop.notifications.filter((n) => n.title.startsWith('Copied'))).toEqual([]);
  });

  it('a token copied from the tray menu, by its name; "never clear" is said as it is', async () => {
    const { core, simulator, desktop } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    value(await core.handlers['settings.set']({ clipboardClearSeconds: 0 }));
    const token = value(
      await core.handlers['tokens.add']({ name: 'Billing', email: 'ops@example.com', token: TOKEN }),
    );
    value(await core.handlers['tokens.pin']({ id: token.id, pinned: true }));
    const item = desktop.tray?.menu.find((i) => i.kind === 'copy');
    expect(item).toBeDefined();
    if (item) await core.trayAction(item);
    expect(desktop.clipboard).toBe(TOKEN);
    expect(desktop.copyConfirmations.at(-1)).toMatchObject({
      title: 'Copied Billing',
      body: 'It stays on the clipboard until you copy something else.',
    });
  });
});
