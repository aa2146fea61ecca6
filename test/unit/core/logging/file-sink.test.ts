import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSink } from '../../../../electron/core/logging/file-sink.js';
import { createLogger, type LogLine } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';

const folder = () => join(mkdtempSync(join(tmpdir(), 'keytray-log-')), 'logs');
const SECRET_KEY = 'KEY0190AB12CD34EF56AB78CD90EF12AB34_s3cretPartOfTheKey0123';

describe('log file', () => {
  it('holds every line redacted, one entry per line, readable by its owner only', () => {
    const dir = folder();
    const file = createFileSink({ folder: dir });
    const redactor = new Redactor();
    redactor.remember('v1-token-value-abcdef');
    const logger = createLogger({ redactor, sink: file.sink, now: () => new Date('2026-03-01T10:00:00Z') });
    logger.error('sync crashed', { error: new Error(`Telnyx refused ${SECRET_KEY}`) });
    logger.warn('token\nforged 2026-03-01T10:00:00.000Z info all is well', {
      token: 'v1-token-value-abcdef',
    });

    expect(file.path).toBe(join(dir, 'main.log'));
    const text = readFileSync(file.path, 'utf8');
    expect(text).not.toContain('s3cretPartOfTheKey');
    expect(text).not.toContain('v1-token-value-abcdef');
    expect(text.split('\n')).toEqual([
      '2026-03-01T10:00:00.000Z error sync crashed {"error":{"name":"Error","message":"Telnyx refused KEY0190AB12CD34EF56AB78CD90EF12AB34_[redacted]"}}',
      '2026-03-01T10:00:00.000Z warn token\\nforged 2026-03-01T10:00:00.000Z info all is well {"token":"[redacted]"}',
      '',
    ]);
    if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('rotates: main.log stays under its size, three older files are kept, the oldest dropped', () => {
    const dir = folder();
    const file = createFileSink({ folder: dir, maxBytes: 200, keep: 3 });
    const line = (n: number): LogLine => ({
      level: 'info',
      time: '2026-03-01T10:00:00.000Z',
      message: `line ${String(n).padStart(3, '0')} ${'x'.repeat(40)}`,
    });
    for (let n = 1; n <= 40; n++) file.sink(line(n));

    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(200);
    const all = ['main.3.log', 'main.2.log', 'main.1.log', 'main.log']
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('');
    // The newest lines, in order, with nothing lost between the files; the oldest are gone.
    const numbers = [...all.matchAll(/line (\d{3})/g)].map((m) => Number(m[1]));
    expect(numbers.at(-1)).toBe(40);
    expect(numbers).toEqual(numbers.map((_, i) => 40 - numbers.length + 1 + i));
    expect(numbers[0]).toBeGreaterThan(1);
  });

  it('continues an existing log after a restart, rotating when it is full', () => {
    const dir = folder();
    createFileSink({ folder: dir }).sink({ level: 'info', time: 't', message: 'first run' });
    const again = createFileSink({ folder: dir, maxBytes: 30 });
    again.sink({ level: 'info', time: 't', message: 'second run' });
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('t info first run\n');
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe('t info second run\n');
  });

  it('a log that cannot be written never throws; the line still reaches stderr', () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'keytray-log-')), 'not-a-folder');
    writeFileSync(blocker, '');
    const seen: LogLine[] = [];
    const file = createFileSink({ folder: join(blocker, 'logs'), alsoTo: (l) => seen.push(l) });
    expect(() => file.sink({ level: 'error', time: 't', message: 'still told' })).not.toThrow();
    expect(seen.map((l) => l.message)).toEqual(['still told']);
    expect(existsSync(file.path)).toBe(false);
  });
});
