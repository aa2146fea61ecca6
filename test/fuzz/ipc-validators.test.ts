import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../electron/common/contract.js';
import { createHandlerTable, type Handlers } from '../../electron/core/ipc/handler-table.js';
import { createLogger } from '../../electron/core/logging/logger.js';
import { Redactor } from '../../electron/core/logging/redact.js';
import { VALID_PAYLOADS } from '../fixtures/valid-payloads.js';

const RUNS = 10_000;
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Values of the wrong kind for any field: numbers, booleans, arrays, objects, null, huge and odd strings. */
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 4 }),
  fc.string({ minLength: 5_001, maxLength: 20_000 }),
  fc.string({ unit: 'grapheme', minLength: 1_000, maxLength: 3_000 }),
);

/** A payload that cannot be valid for `channel`: a mutation of its valid payload, or a wrong shape. */
function invalidPayload(channel: Channel): fc.Arbitrary<unknown> {
  const valid = VALID_PAYLOADS[channel] as Record<string, unknown> | undefined;
  const wrongShape = fc.oneof(
    fc.integer(),
    fc.string(),
    fc.boolean(),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.constant(null),
  );
  if (valid === undefined) {
    return fc.oneof(
      wrongShape,
      fc.dictionary(fc.string({ minLength: 1 }), fc.anything(), { minKeys: 1, maxKeys: 5 }),
    );
  }
  const fields = Object.keys(valid);
  const extraKey = fc
    .tuple(
      fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ minLength: 1, maxLength: 50 })),
      fc.anything(),
    )
    .filter(([key]) => !fields.includes(key))
    // Through JSON, as a payload crosses IPC: `__proto__` arrives as an own key, not a prototype.
    .map(([key, value]) => JSON.parse(JSON.stringify({ ...valid, [key]: value ?? 1 })) as unknown);
  const pollutedClone = fc
    .constantFrom(...POLLUTION_KEYS.slice(0, 3))
    .map((key) => JSON.parse(`{"${key}": {"polluted": true}, ${JSON.stringify(valid).slice(1)}`) as unknown);
  const wrongField = fc
    .tuple(fc.constantFrom(...fields), wrongValue)
    .filter(([field, value]) => typeof value !== typeof valid[field] || typeof value === 'string')
    .map(([field, value]) => ({ ...valid, [field]: value }));
  return fc.oneof(wrongShape, wrongField, extraKey, pollutedClone);
}

describe('fuzzing every IPC validator', () => {
  const reached: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, () => (reached.push(c), {})]),
  ) as unknown as Handlers;
  const table = createHandlerTable(
    handlers,
    createLogger({ redactor: new Redactor(), sink: () => undefined }),
  );

  it.each(CHANNELS)(
    `%s: ${RUNS.toLocaleString('en')} malformed payloads are refused as invalid-input, never thrown, never reaching the service`,
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(invalidPayload(channel), async (payload) => {
          const result = await table[channel](payload);
          // A mutation that happens to stay valid (an over-long string in a field with no length limit) is
          // not a finding; everything else must be refused.
          if (result.ok) return reached.pop() === channel && !isStrictlyInvalid(channel, payload);
          return result.error.code === 'invalid-input';
        }),
        { numRuns: RUNS },
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
    120_000,
  );
});

/** The characters no name or label may hold (`electron/common/text.ts`), listed here independently. */
const UNSAFE_IN_NAMES = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  '\u2028',
  '\u2029',
  ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'],
];

/** Every channel that takes a name or a label, and where the name goes in its otherwise valid payload. */
const NAMED_FIELDS = [
  ['tokens.add', 'name'],
  ['tokens.rename', 'name'],
  ['keys.pin', 'label'],
  ['keys.rename', 'name'],
  ['tokens.pin', 'label'],
] as const satisfies readonly (readonly [Channel, string])[];

describe('names and labels with a control or text-direction character', () => {
  const reached: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, () => (reached.push(c), {})]),
  ) as unknown as Handlers;
  const table = createHandlerTable(
    handlers,
    createLogger({ redactor: new Redactor(), sink: () => undefined }),
  );
  const plain = fc
    .string({ unit: 'grapheme', maxLength: 8 })
    .filter((s) => !UNSAFE_IN_NAMES.some((c) => s.includes(c)));

  it.each(NAMED_FIELDS)(
    '%s (%s): refused as invalid-input, never reaching the service',
    async (channel, field) => {
      await fc.assert(
        fc.asyncProperty(plain, fc.constantFrom(...UNSAFE_IN_NAMES), plain, async (before, unsafe, after) => {
          // Inside the name: trimming can't remove it.
          const name = `${before}x${unsafe}x${after}`;
          const result = await table[channel]({ ...VALID_PAYLOADS[channel], [field]: name });
          return !result.ok && result.error.code === 'invalid-input' && reached.length === 0;
        }),
        { numRuns: 2_000 },
      );
      // And the same payload with a plain name goes through.
      const accepted = await table[channel]({ ...VALID_PAYLOADS[channel], [field]: 'Billing EU 生产 🚀' });
      expect(accepted.ok).toBe(true);
      expect(reached.splice(0)).toEqual([channel]);
    },
  );
});

/** Independent of zod: the structural reasons a payload must be refused. */
function isStrictlyInvalid(channel: Channel, payload: unknown): boolean {
  const valid = VALID_PAYLOADS[channel];
  if (valid === undefined) return payload !== undefined;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return true;
  const keys = Object.keys(payload);
  const allowed = Object.keys(valid);
  return keys.some((k) => !allowed.includes(k)) || Object.getPrototypeOf(payload) !== Object.prototype;
}
