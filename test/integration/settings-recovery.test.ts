import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeNodeCore } from '../../electron/core/compose-node.js';
import { SETTINGS_VERSION } from '../../electron/core/settings/stored-state.js';
import { createSimulator, startSimulatorServer } from '../../electron/core/telnyx/simulator/index.js';
import { createFakeDesktop } from '../fixtures/fake-desktop.js';
import { keyringReady, testService } from '../fixtures/keyring.js';

/** The real settings files in a temp folder, as both shells compose them; no account, so no keychain call. */
async function startOn(folder: string) {
  const desktop = createFakeDesktop();
  const { core } = composeNodeCore({
    userDataDir: folder,
    env: { KEYTRAY_KEYCHAIN_SERVICE: 'KeytrayTest-settings-recovery' },
    desktop,
    logSink: () => undefined,
  });
  await core.start();
  await core.dispose();
  return desktop;
}

describe('settings.json that Keytray cannot fully read', () => {
  it('an unreadable file is moved aside (never deleted) and the person is told where it is', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keytray-settings-'));
    writeFileSync(join(folder, 'settings.json'), '{"version": 2, "document": {"preferences": {');
    const desktop = await startOn(folder);
    const aside = readdirSync(folder).find((name) => name.startsWith('settings.json.bad-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(folder, aside ?? ''), 'utf8')).toBe(
      '{"version": 2, "document": {"preferences": {',
    );
    expect(desktop.notifications).toEqual([
      expect.objectContaining({ body: expect.stringContaining(join(folder, aside ?? '')) }),
    ]);
  });

  it('a file from before accounts were told apart keeps its V1 tokens and pins; one bad field is all that goes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keytray-settings-'));
    const token = {
      id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      name: 'Billing',
      email: 'ops@example.com',
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    const v1 = {
      preferences: {
        clipboardClearSeconds: 45, // not a choice Keytray offers: this one field is reset
        reminderLeadDays: [7, 1],
        globalShortcut: 'CommandOrControl+Shift+K',
        launchAtLogin: false,
        hideAfterCopy: false,
      },
      account: null,
      pins: [{ kind: 'token', id: token.id, label: 'Invoices' }],
      tokens: [token],
      reminders: { sent: {}, snoozedUntil: {}, lastCheckAt: null },
      scheduledDisables: [],
    };
    writeFileSync(join(folder, 'settings.json'), JSON.stringify({ document: v1 }));
    await startOn(folder);
    const saved = JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8')) as {
      version: number;
      document: {
        preferences: { clipboardClearSeconds: number; reminderLeadDays: number[]; hideAfterCopy: boolean };
        accounts: Record<string, { tokens: unknown[]; pins: unknown[] }>;
      };
    };
    // Migrated through every version since (3: several accounts).
    expect(saved.version).toBe(SETTINGS_VERSION);
    expect(saved.document.preferences).toMatchObject({
      clipboardClearSeconds: 30,
      reminderLeadDays: [7, 1],
      hideAfterCopy: false,
    });
    expect(saved.document.accounts['legacy']).toMatchObject({ tokens: [token], pins: [v1.pins[0]] });
  });
});

describe.runIf(keyringReady)('the key cache on disk, composed as the shells compose it', () => {
  it('keeps a Telnyx tag that merely reads like a full key (a pattern must not refuse every sync)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'keytray-settings-'));
    const simulator = createSimulator({ keyCount: 5 });
    const tagged = simulator.state.keys.find((k) => k.value !== simulator.ownerKey);
    if (!tagged) throw new Error('no key to tag');
    tagged.tags = ['KEYVAULT_production'];
    const server = await startSimulatorServer(simulator);
    try {
      const { core } = composeNodeCore({
        userDataDir: folder,
        env: { KEYTRAY_KEYCHAIN_SERVICE: testService('key-cache'), TELNYX_BASE_URL: server.url },
        desktop: createFakeDesktop(),
        logSink: () => undefined,
      });
      const connected = await core.handlers['account.connect']({ apiKey: simulator.ownerKey });
      expect(connected.ok).toBe(true);
      const synced = await core.handlers['keys.sync'](undefined);
      expect(synced.ok && synced.value.keys.find((k) => k.id === tagged.id)?.tags).toEqual([
        'KEYVAULT_production',
      ]);
      // At quit everything is on disk (the cache may be written a moment after a change, never lost).
      await core.dispose();
      const onDisk = readFileSync(join(folder, 'key-cache.json'), 'utf8');
      expect(onDisk).toContain('KEYVAULT_production');
      expect(onDisk).not.toContain(simulator.ownerKey);
    } finally {
      await server.close();
    }
  });
});
