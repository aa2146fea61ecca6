import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../../electron/common/contract.js';
import { AppError } from '../../../../electron/core/errors.js';
import { createHandlerTable, type Handlers } from '../../../../electron/core/ipc/handler-table.js';
import { createLogger, type LogLine } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';
import { VALID_PAYLOADS } from '../../../fixtures/valid-payloads.js';

function recordingTable() {
  const reached: Channel[] = [];
  const logs: LogLine[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, () => (reached.push(channel), { reached: true })]),
  ) as unknown as Handlers;
  const table = createHandlerTable(
    handlers,
    createLogger({ redactor: new Redactor(), sink: (l) => logs.push(l) }),
  );
  return { table, reached, logs };
}

/** Ways to get each channel's payload wrong. */
function malformed(channel: Channel): [string, unknown][] {
  const valid = VALID_PAYLOADS[channel];
  const cases: [string, unknown][] = [
    ['a number', 42],
    ['a string', 'x'.repeat(10)],
    ['an array', [valid]],
  ];
  if (valid === undefined) return [...cases, ['an object', { sneaky: true }]];
  cases.push(['an extra field', { ...valid, extra: 1 }]);
  cases.push([
    'a prototype-pollution key',
    JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1, -1)}}`),
  ]);
  for (const [field, fieldValue] of Object.entries(valid)) {
    cases.push([
      `${field} of the wrong type`,
      { ...valid, [field]: typeof fieldValue === 'boolean' ? 'true' : true },
    ]);
    if (typeof fieldValue === 'string')
      cases.push([`${field} oversize`, { ...valid, [field]: 'K'.repeat(5000) }]);
    if (Array.isArray(fieldValue)) {
      cases.push([
        `${field} with 11 entries`,
        { ...valid, [field]: Array.from({ length: 11 }, (_, i) => `t${i}`) },
      ]);
    }
  }
  return cases;
}

describe('IPC handler table', () => {
  it('accepts the valid payload of every channel and reaches its service', async () => {
    const { table, reached } = recordingTable();
    for (const channel of CHANNELS) {
      const result = await table[channel](VALID_PAYLOADS[channel]);
      expect(result, channel).toEqual({ ok: true, value: { reached: true } });
    }
    expect(reached).toEqual(CHANNELS);
  });

  it.each(CHANNELS)(
    '%s refuses malformed payloads with invalid-input, before any service',
    async (channel) => {
      const { table, reached } = recordingTable();
      for (const [label, payload] of malformed(channel)) {
        const result = await table[channel](payload);
        expect(result.ok, `${channel} with ${label}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${channel} with ${label}`).toBe('invalid-input');
          expect(result.error.message).toMatch(/^Keytray could not accept that/);
        }
      }
      expect(reached).toEqual([]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('keeps an AppError code and plain message, and hides other exceptions behind a generic sentence', async () => {
    const logs: LogLine[] = [];
    const secret = `KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv`;
    const handlers = Object.fromEntries(CHANNELS.map((c) => [c, () => undefined])) as unknown as Handlers;
    handlers['keys.list'] = () => {
      throw new AppError('unavailable', 'Keytray cannot reach Telnyx.');
    };
    handlers['keys.sync'] = () => {
      throw new TypeError(`boom with ${secret}`);
    };
    const table = createHandlerTable(
      handlers,
      createLogger({ redactor: new Redactor(), sink: (l) => logs.push(l) }),
    );
    expect(await table['keys.list'](undefined)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Keytray cannot reach Telnyx.' },
    });
    const crashed = await table['keys.sync'](undefined);
    expect(crashed.ok || crashed.error.code).toBe('internal');
    expect(JSON.stringify(crashed)).not.toContain('abcdefghijklmnopqrstuv');
    expect(logs.map((l) => l.message).join('\n')).not.toContain('abcdefghijklmnopqrstuv');
  });
});
