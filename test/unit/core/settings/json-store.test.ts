import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, type LogLine } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';
import {
  createFileDocumentStore,
  createMemoryDocumentStore,
  type Migrations,
  type StoreProblem,
} from '../../../../electron/core/settings/json-store.js';
/**
 * A settings document shaped like Keytray's (an account, V1 token names, pins, the reminder log), defined
 * here so these tests follow the store's behaviour, not the app schema's current fields.
 */
const Account = z.strictObject({ keyId: z.string().regex(/^KEY\w{4,64}$/), isOwner: z.boolean() });
const Pin = z.strictObject({
  kind: z.enum(['key', 'token']),
  id: z.string(),
  label: z.string().max(64).nullable(),
});
const Token = z.strictObject({ id: z.uuid(), name: z.string().max(64), email: z.string().max(254) });
const StoredState = z.strictObject({
  preferences: z.strictObject({ clipboardClearSeconds: z.number().int(), hideAfterCopy: z.boolean() }),
  account: Account.nullable(),
  pins: z.array(Pin).max(9),
  tokens: z.array(Token),
  reminders: z.strictObject({
    sent: z.record(z.string(), z.array(z.number().int())),
    lastCheckAt: z.string().nullable(),
  }),
});
type StoredState = z.infer<typeof StoredState>;
const DEFAULT_STATE: StoredState = {
  preferences: { clipboardClearSeconds: 30, hideAfterCopy: true },
  account: null,
  pins: [],
  tokens: [],
  reminders: { sent: {}, lastCheckAt: null },
};

const newFolder = () => mkdtempSync(join(tmpdir(), 'keytray-settings-'));

function store(folder = newFolder(), extra: { writeDelayMs?: number } = {}) {
  const logs: LogLine[] = [];
  const told: StoreProblem[] = [];
  const redactor = new Redactor();
  const s = createFileDocumentStore({
    folder,
    name: 'settings',
    schema: StoredState,
    defaults: DEFAULT_STATE,
    logger: createLogger({ redactor, sink: (l) => logs.push(l) }),
    redactor,
    onProblem: (p) => told.push(p),
    now: () => new Date('2026-03-04T05:06:07.089Z'),
    ...extra,
  });
  return { s, folder, logs, told, redactor, file: join(folder, 'settings.json') };
}

/** What someone would be sorry to lose: an account, tokens, pins, reminder bookkeeping. */
const LIVED_IN: StoredState = {
  ...DEFAULT_STATE,
  account: { keyId: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', isOwner: true },
  pins: [
    { kind: 'key', id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', label: 'prod' },
    { kind: 'token', id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f', label: null },
  ],
  tokens: [
    { id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f', name: 'billing', email: 'ann@example.com' },
    { id: '1c8d5b63-3b0f-4b4d-8e6f-7a2c3d4e5f60', name: 'ops', email: 'bo@example.com' },
  ],
  reminders: {
    sent: { 'KEY0190AB12CD34EF56AB78CD90EF12AB34@2026-06-01T00:00:00Z': [30, 7] },
    lastCheckAt: '2026-02-01T00:00:00Z',
  },
};

const onDisk = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as { version?: number; document: unknown };
const asideFiles = (folder: string, tag: string) =>
  readdirSync(folder)
    .filter((f) => f.startsWith(`settings.json.${tag}-`))
    .map((f) => join(folder, f));

describe('settings file', () => {
  it('starts from defaults, persists what is written with its version, readable only by the owner', () => {
    const { s, folder, file } = store();
    expect(s.read()).toEqual(DEFAULT_STATE);
    s.write({ ...DEFAULT_STATE, preferences: { ...DEFAULT_STATE.preferences, clipboardClearSeconds: 10 } });
    expect(store(folder).s.read().preferences.clipboardClearSeconds).toBe(10);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(onDisk(file).version).toBe(1);
  });

  it('refuses to write anything secret-shaped', () => {
    const { s, file, redactor } = store();
    const secretToken = {
      id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f',
      name: 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv',
      email: 'a@b.c',
    };
    expect(() => s.write({ ...DEFAULT_STATE, tokens: [secretToken] })).toThrow(/refused to write a secret/);
    redactor.remember('remembered-v1-token');
    expect(() =>
      s.write({ ...DEFAULT_STATE, tokens: [{ ...secretToken, name: 'remembered-v1-token' }] }),
    ).toThrow();
    s.write(DEFAULT_STATE);
    expect(readFileSync(file, 'utf8')).not.toContain('abcdefghijklmnopqrstuv');
    expect(readFileSync(file, 'utf8')).not.toContain('remembered-v1-token');
  });

  it('a file from before versions (no version field) still reads in full', () => {
    const { folder, file } = store();
    writeFileSync(file, JSON.stringify({ document: LIVED_IN }));
    const { s, told } = store(folder);
    expect(s.read()).toEqual(LIVED_IN);
    expect(told).toEqual([]);
  });
});

describe('one bad field loses only that field', () => {
  it('an unknown (future) field is dropped; the account, tokens, pins and reminder log stay', () => {
    const { folder, file } = store();
    const original = JSON.stringify({
      version: 1,
      document: { ...LIVED_IN, theme: 'dark', account: { ...LIVED_IN.account, region: 'eu' } },
    });
    writeFileSync(file, original);
    const { s, told, logs } = store(folder);
    expect(s.read()).toEqual(LIVED_IN);
    expect(told.map((p) => p.kind)).toEqual(['repaired']);
    const [kept] = asideFiles(folder, 'bad');
    expect(kept && readFileSync(kept, 'utf8')).toBe(original);
    expect(told[0]?.message).toContain(kept);
    expect(logs.map((l) => l.message).join('\n')).toMatch(/theme.*account\.region|account\.region.*theme/);
    // Written back repaired, so the next start reads it cleanly and says nothing.
    const again = store(folder);
    expect(again.s.read()).toEqual(LIVED_IN);
    expect(again.told).toEqual([]);
  });

  it('an invalid element inside an array drops that element only; the log names paths, never values', () => {
    const { folder, file } = store();
    const broken = structuredClone(LIVED_IN) as unknown as {
      tokens: { email: string }[];
      pins: { kind: string }[];
    };
    broken.tokens[0] = { ...broken.tokens[0], email: `very-personal-${'x'.repeat(300)}@example.com` };
    broken.pins[1] = { ...broken.pins[1], kind: 'group' };
    const original = JSON.stringify({ version: 1, document: broken });
    writeFileSync(file, original);
    const { s, logs, told } = store(folder);
    const read = s.read();
    expect(read.tokens).toEqual([LIVED_IN.tokens[1]]);
    expect(read.pins).toEqual([LIVED_IN.pins[0]]);
    expect(read.account).toEqual(LIVED_IN.account);
    expect(read.reminders).toEqual(LIVED_IN.reminders);
    const logged = logs.map((l) => l.message).join('\n');
    expect(logged).toContain('tokens[0]');
    expect(logged).toContain('pins[1]');
    expect(logged).not.toContain('very-personal');
    expect(logged).not.toContain('group');
    expect(told[0]?.message).toMatch(/2 entries .* could not be read and were reset/);
    expect(asideFiles(folder, 'bad').map((f) => readFileSync(f, 'utf8'))).toEqual([original]);
  });

  it('a list longer than allowed keeps its valid entries up to the limit, after dropping invalid ones', () => {
    const { folder, file } = store();
    const pin = (n: number) => ({ kind: 'key', id: `KEY000${n}`, label: `pin ${n}` });
    const pins: unknown[] = Array.from({ length: 11 }, (_v, n) => pin(n));
    pins[0] = { kind: 'folder', id: 'x', label: null };
    writeFileSync(file, JSON.stringify({ version: 1, document: { ...LIVED_IN, pins } }));
    const read = store(folder).s.read();
    expect(read.pins).toEqual(Array.from({ length: 9 }, (_v, n) => pin(n + 1)));
    expect(read.tokens).toEqual(LIVED_IN.tokens);
  });

  it("a record's keys stay out of the log", () => {
    const { folder, file } = store();
    const broken = structuredClone(LIVED_IN) as unknown as { reminders: { sent: Record<string, unknown> } };
    broken.reminders.sent['ann@example.com'] = 'soon';
    writeFileSync(file, JSON.stringify({ version: 1, document: broken }));
    const { s, logs } = store(folder);
    expect(s.read().reminders).toEqual(LIVED_IN.reminders);
    const logged = logs.map((l) => l.message).join('\n');
    expect(logged).toContain('reminders.sent.*');
    expect(logged).not.toContain('ann@example.com');
  });
});

describe('a file that cannot be read is moved aside, never deleted, and the person is told', () => {
  it.each([
    ['truncated', JSON.stringify({ version: 1, document: LIVED_IN }).slice(0, 80)],
    ['not JSON', 'this is not json at all'],
    ['an array, not an object', '[1, 2, 3]'],
    ['a document that is not an object', JSON.stringify({ version: 1, document: 'hello' })],
  ])('%s', (_what, bytes) => {
    const { folder, file } = store();
    writeFileSync(file, bytes);
    const { s, told } = store(folder);
    expect(s.read()).toEqual(DEFAULT_STATE);
    const kept = asideFiles(folder, 'bad');
    expect(kept).toEqual([join(folder, 'settings.json.bad-2026-03-04T05-06-07-089Z')]);
    expect(readFileSync(kept[0] ?? '', 'utf8')).toBe(bytes);
    expect(told).toHaveLength(1);
    expect(told[0]?.kind).toBe('unreadable');
    expect(told[0]?.message).toContain(kept[0]);
    expect(s.problems()).toEqual(told);
    // Starts afresh and saves again; the kept file is not touched.
    s.write(LIVED_IN);
    expect(store(folder).s.read()).toEqual(LIVED_IN);
    expect(readFileSync(kept[0] ?? '', 'utf8')).toBe(bytes);
  });

  it('a second bad file the same millisecond does not replace the first one kept', () => {
    const { folder, file } = store();
    writeFileSync(file, 'first');
    store(folder).s.read();
    writeFileSync(file, 'second');
    store(folder).s.read();
    expect(
      asideFiles(folder, 'bad')
        .map((f) => readFileSync(f, 'utf8'))
        .sort(),
    ).toEqual(['first', 'second']);
  });

  it('a file that cannot even be opened is left exactly where it is', () => {
    const { folder, file } = store();
    mkdirSync(file);
    writeFileSync(join(file, 'inside'), 'keep me');
    const { s, told } = store(folder);
    expect(s.read()).toEqual(DEFAULT_STATE);
    expect(told.map((p) => p.kind)).toEqual(['not-saved']);
    s.write(LIVED_IN);
    expect(s.read()).toEqual(LIVED_IN);
    expect(readFileSync(join(file, 'inside'), 'utf8')).toBe('keep me');
  });
});

/** A small document with a history: v1 kept pins as ids, v2 gave them labels, v3 added a colour. */
const PinV3 = z.strictObject({ id: z.string(), label: z.string().nullable(), colour: z.string() });
const DocV3 = z.strictObject({ pins: z.array(PinV3), greeting: z.string() });
type DocV3 = z.infer<typeof DocV3>;
const DOC_DEFAULTS: DocV3 = { pins: [], greeting: 'hello' };
const DOC_MIGRATIONS: Migrations = {
  1: (doc) => {
    const d = doc as { pins?: unknown };
    return { ...d, pins: Array.isArray(d.pins) ? d.pins.map((id: unknown) => ({ id, label: null })) : [] };
  },
  2: (doc) => {
    const d = doc as { pins?: { id: unknown; label: unknown }[] };
    return { ...d, pins: (d.pins ?? []).map((p) => ({ ...p, colour: 'grey' })) };
  },
};

function docStore(folder: string, version = 3, migrations = DOC_MIGRATIONS) {
  const logs: LogLine[] = [];
  const told: StoreProblem[] = [];
  const redactor = new Redactor();
  const s = createFileDocumentStore({
    folder,
    name: 'settings',
    schema: DocV3,
    defaults: DOC_DEFAULTS,
    version,
    migrations,
    logger: createLogger({ redactor, sink: (l) => logs.push(l) }),
    redactor,
    onProblem: (p) => told.push(p),
  });
  return { s, logs, told, file: join(folder, 'settings.json') };
}

describe('versions', () => {
  it('an older file is upgraded in order, written back with the new version, and the old one kept', () => {
    const folder = newFolder();
    const file = join(folder, 'settings.json');
    const original = JSON.stringify({ document: { pins: ['a', 'b'], greeting: 'hi' } });
    writeFileSync(file, original);
    const { s, told } = docStore(folder);
    const upgraded = {
      pins: [
        { id: 'a', label: null, colour: 'grey' },
        { id: 'b', label: null, colour: 'grey' },
      ],
      greeting: 'hi',
    };
    expect(s.read()).toEqual(upgraded);
    expect(told).toEqual([]);
    expect(onDisk(file)).toEqual({ version: 3, document: upgraded });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(
      readdirSync(folder)
        .filter((f) => f.startsWith('settings.json.v1-'))
        .map((f) => readFileSync(join(folder, f), 'utf8')),
    ).toEqual([original]);
  });

  it('migrations given as a list (index N upgrades version N + 1) work the same', () => {
    const folder = newFolder();
    writeFileSync(
      join(folder, 'settings.json'),
      JSON.stringify({ version: 2, document: { pins: [{ id: 'a', label: 'A' }], greeting: 'hi' } }),
    );
    const list = [DOC_MIGRATIONS[1] ?? ((d: unknown) => d), DOC_MIGRATIONS[2] ?? ((d: unknown) => d)];
    expect(docStore(folder, 3, list).s.read()).toEqual({
      pins: [{ id: 'a', label: 'A', colour: 'grey' }],
      greeting: 'hi',
    });
  });

  it('a file a migration cannot handle is moved aside, not lost', () => {
    const folder = newFolder();
    const file = join(folder, 'settings.json');
    const original = JSON.stringify({ version: 2, document: { pins: 'not a list', greeting: 'hi' } });
    writeFileSync(file, original);
    const { s, told } = docStore(folder);
    expect(s.read()).toEqual(DOC_DEFAULTS);
    expect(told.map((p) => p.kind)).toEqual(['unreadable']);
    expect(told[0]?.keptAt && readFileSync(told[0].keptAt, 'utf8')).toBe(original);
  });

  it('a build that cannot upgrade every older version refuses to start', () => {
    expect(() => docStore(newFolder(), 3, { 1: DOC_MIGRATIONS[1] ?? ((d) => d) })).toThrow(
      /no migration from version 2/,
    );
  });

  it('a file from a newer version keeps everything this build cannot read, and a copy', () => {
    const folder = newFolder();
    const file = join(folder, 'settings.json');
    // Version 4 added `layout`, a `note` on pins, and made `greeting` an object.
    const newer = {
      pins: [
        { id: 'a', label: 'A', colour: 'red', note: 'from v4' },
        { id: 'b', label: null, colour: 'blue' },
      ],
      greeting: { text: 'hi', lang: 'en' },
      layout: 'grid',
    };
    const original = JSON.stringify({ version: 4, document: newer });
    writeFileSync(file, original);
    const older = docStore(folder);
    const read = older.s.read();
    expect(read.pins[1]).toEqual({ id: 'b', label: null, colour: 'blue' });
    expect(read.greeting).toBe('hello');
    expect(older.told.map((p) => p.kind)).toEqual(['newer-version']);
    const copies = readdirSync(folder).filter((f) => f.startsWith('settings.json.v4-'));
    expect(copies.map((f) => readFileSync(join(folder, f), 'utf8'))).toEqual([original]);
    expect(older.told[0]?.message).toContain(copies[0]);

    // The older build changes one pin's label; everything it did not change stays as version 4 wrote it.
    older.s.write({ ...read, pins: read.pins.map((p) => (p.id === 'a' ? { ...p, label: 'Ay' } : p)) });
    const stored = onDisk(file);
    expect(stored.version).toBe(4);
    expect(stored.document).toEqual({ ...newer, pins: [{ ...newer.pins[0], label: 'Ay' }, newer.pins[1]] });
    // Reordering keeps each pin whole, with what only version 4 knows.
    older.s.write({ ...read, pins: [...older.s.read().pins].reverse() });
    expect(onDisk(file).document).toEqual({
      ...newer,
      pins: [newer.pins[1], { ...newer.pins[0], label: 'Ay' }],
    });

    // The next start of the older build keeps a copy of the changed file; one after that has nothing new.
    const again = docStore(folder);
    again.s.read();
    expect(again.told.map((p) => p.kind)).toEqual(['newer-version']);
    const third = docStore(folder);
    third.s.read();
    expect(third.told).toEqual([]);
    expect(readdirSync(folder).filter((f) => f.startsWith('settings.json.v4-'))).toHaveLength(2);
  });
});

describe('writes in a burst', () => {
  it('with a delay, the change is readable at once and on disk after flush', () => {
    const { s, file, folder } = store(newFolder(), { writeDelayMs: 60_000 });
    s.read();
    s.write(LIVED_IN);
    expect(s.read()).toEqual(LIVED_IN);
    expect(store(folder).s.read()).toEqual(DEFAULT_STATE);
    s.flush();
    expect(onDisk(file).document).toEqual(LIVED_IN);
  });

  it('a refused secret still throws to the caller when writes are delayed', () => {
    const { s } = store(newFolder(), { writeDelayMs: 60_000 });
    const name = 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv';
    const token = { id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f', email: 'a@b.c', name };
    expect(() => s.write({ ...DEFAULT_STATE, tokens: [token] })).toThrow(/refused to write a secret/);
    expect(s.read()).toEqual(DEFAULT_STATE);
  });
});

describe('memory store', () => {
  it('with a spec, reads through the same migrations and salvage as a file', () => {
    const s = createMemoryDocumentStore(
      { pins: ['a', 7], greeting: 'hi' },
      {
        schema: DocV3,
        defaults: DOC_DEFAULTS,
        version: 3,
        migrations: DOC_MIGRATIONS,
        storedVersion: 1,
      },
    );
    expect(s.read()).toEqual({ pins: [{ id: 'a', label: null, colour: 'grey' }], greeting: 'hi' });
    expect(() => s.write({ pins: [], greeting: 5 } as unknown as DocV3)).toThrow();
  });
});
