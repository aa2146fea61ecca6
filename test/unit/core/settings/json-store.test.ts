import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLine } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';
import { createFileDocumentStore } from '../../../../electron/core/settings/json-store.js';
import { DEFAULT_STATE, StoredState } from '../../../../electron/core/settings/stored-state.js';

function store(folder = mkdtempSync(join(tmpdir(), 'keytray-settings-'))) {
  const logs: LogLine[] = [];
  const redactor = new Redactor();
  const s = createFileDocumentStore({
    folder,
    name: 'settings',
    schema: StoredState,
    defaults: DEFAULT_STATE,
    logger: createLogger({ redactor, sink: (l) => logs.push(l) }),
    redactor,
  });
  return { s, folder, logs, redactor };
}

describe('settings file', () => {
  it('starts from defaults, persists what is written, readable only by the owner', () => {
    const { s, folder } = store();
    expect(s.read()).toEqual(DEFAULT_STATE);
    s.write({ ...DEFAULT_STATE, preferences: { ...DEFAULT_STATE.preferences, clipboardClearSeconds: 10 } });
    expect(store(folder).s.read().preferences.clipboardClearSeconds).toBe(10);
    expect(statSync(join(folder, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses to write anything secret-shaped', () => {
    const { s, folder, redactor } = store();
    const secretToken = {
      id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f',
      name: 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv',
      email: 'a@b.c',
      createdAt: '2026-01-01T00:00:00Z',
    };
    expect(() => s.write({ ...DEFAULT_STATE, tokens: [secretToken] })).toThrow(/refused to write a secret/);
    redactor.remember('remembered-v1-token');
    expect(() =>
      s.write({ ...DEFAULT_STATE, tokens: [{ ...secretToken, name: 'remembered-v1-token' }] }),
    ).toThrow();
    expect(readFileSync(join(folder, 'settings.json'), 'utf8')).not.toContain('abcdefghijklmnopqrstuv');
  });

  it('a damaged file starts from defaults and says so in the log', () => {
    const { folder } = store();
    writeFileSync(
      join(folder, 'settings.json'),
      JSON.stringify({ document: { preferences: { clipboardClearSeconds: 'soon' } } }),
    );
    const { s, logs } = store(folder);
    expect(s.read()).toEqual(DEFAULT_STATE);
    expect(logs[0]?.message).toMatch(/did not match its schema; starting from defaults/);
  });
});
