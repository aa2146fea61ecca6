import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLine } from '../../../electron/core/logging/logger.js';
import { Redactor } from '../../../electron/core/logging/redact.js';
import { createFileDocumentStore } from '../../../electron/core/settings/json-store.js';
import {
  DEFAULT_SETTINGS,
  LEGACY_SCOPE,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  SettingsFile,
} from '../../../electron/core/settings/stored-state.js';
import { ELECTRON_STORE_CHANNEL, openElectronStoreFile } from '../../../electron/main/electron-store-file.js';
import { app, ipcMain } from '../../fixtures/fake-electron.js';

/**
 * The Electron shell's settings file: the core's document store over electron-store (the real package, with
 * the fake `electron` it imports). What a person would notice: their settings survive a restart, nobody else
 * on the machine can read the file, a damaged file is kept aside and they are told, never silently emptied.
 */
const newFolder = () => mkdtempSync(join(tmpdir(), 'keytray-electron-store-'));
// Electron always knows `userData` (electron-store reads it for its default folder); the fake only once set.
app.setPath('userData', newFolder());

function settingsStore(folder: string) {
  const logs: LogLine[] = [];
  const redactor = new Redactor();
  const store = createFileDocumentStore({
    folder,
    name: 'settings',
    schema: SettingsFile,
    defaults: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
    logger: createLogger({ redactor, sink: (line) => logs.push(line) }),
    redactor,
    openFile: openElectronStoreFile,
  });
  return { store, logs, file: join(folder, 'settings.json') };
}

/** A change anyone would make in Settings: the clipboard clears after 10 s instead of 30. */
function withClipboardClearing(
  settings: SettingsFile,
  seconds: SettingsFile['preferences']['clipboardClearSeconds'],
): SettingsFile {
  return { ...settings, preferences: { ...settings.preferences, clipboardClearSeconds: seconds } };
}

describe('settings through electron-store', () => {
  it('keeps a change across a restart, in settings.json that only its owner can read', () => {
    const folder = newFolder();
    const first = settingsStore(folder);
    first.store.write(withClipboardClearing(first.store.read(), 10));

    const onDisk = JSON.parse(readFileSync(first.file, 'utf8')) as Record<string, unknown>;
    // The core's own versioned document; electron-store added no bookkeeping of its own (`__internal__`).
    expect(Object.keys(onDisk).sort()).toEqual(['document', 'version']);
    expect(onDisk['version']).toBe(SETTINGS_VERSION);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);

    const afterRestart = settingsStore(folder);
    expect(afterRestart.store.read().preferences.clipboardClearSeconds).toBe(10);
  });

  it('keeps a damaged file aside and starts from the defaults, instead of letting electron-store clear it', () => {
    const folder = newFolder();
    const { store, file } = settingsStore(folder);
    writeFileSync(file, '{"version": 2, "document": {"preferences": ', { mode: 0o600 });

    expect(store.read()).toEqual(DEFAULT_SETTINGS);
    expect(store.problems().map((p) => p.kind)).toEqual(['unreadable']);
    const keptAside = readdirSync(folder).find((name) => name.startsWith('settings.json.bad-'));
    expect(keptAside && readFileSync(join(folder, keptAside), 'utf8')).toBe(
      '{"version": 2, "document": {"preferences": ',
    );
  });

  it('upgrades a file from before versions with the core’s migrations, not electron-store’s', () => {
    const folder = newFolder();
    const { store, file } = settingsStore(folder);
    // Version 1 files carry no `version`, and kept V1 token names at the top of the document.
    const token = {
      id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f',
      name: 'billing',
      email: 'ann@example.com',
      createdAt: '2026-01-02T03:04:05.000Z',
    };
    const preferences = { ...DEFAULT_SETTINGS.preferences, clipboardClearSeconds: 60 };
    writeFileSync(file, JSON.stringify({ document: { preferences, tokens: [token] } }), { mode: 0o600 });

    const upgraded = store.read();
    expect(upgraded.preferences.clipboardClearSeconds).toBe(60);
    expect(upgraded.accounts[LEGACY_SCOPE]?.tokens).toEqual([token]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: SETTINGS_VERSION });
  });

  it('leaves no electron-store channel open to a renderer', () => {
    settingsStore(newFolder()).store.read();
    expect(ipcMain.listenerCount(ELECTRON_STORE_CHANNEL)).toBe(0);
  });
});
