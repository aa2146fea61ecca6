import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/common/result.js';
import { AppError } from '../../electron/core/errors.js';
import { createLogger } from '../../electron/core/logging/logger.js';
import { Redactor } from '../../electron/core/logging/redact.js';
import { createTelnyxClient } from '../../electron/core/telnyx/client.js';
import { readErrorEnvelope } from '../../electron/core/telnyx/errors.js';
import { CachedKey } from '../../electron/core/settings/stored-state.js';
import { Degradations, parseKeyRecord } from '../../electron/core/telnyx/unverified.js';

const RUNS = 1_000;

/** Bodies Telnyx (or a proxy in front of it) might send: JSON of any shape, truncated JSON, HTML, huge text. */
const body = fc.oneof(
  fc.anything().map((value) => JSON.stringify(value) ?? ''),
  fc.record({ data: fc.anything(), meta: fc.anything() }).map((v) => JSON.stringify(v)),
  fc
    .record({
      data: fc.array(
        fc.dictionary(
          fc.constantFrom('id', 'status', 'tags', 'expires_at', 'expiration', 'created_at'),
          fc.anything(),
        ),
      ),
      meta: fc.record({ page_number: fc.integer(), total_pages: fc.integer({ min: -5, max: 5 }) }),
    })
    .map((v) => JSON.stringify(v)),
  fc.record({ errors: fc.anything() }).map((v) => JSON.stringify(v)),
  fc.string().map((s) => `{"data": ${s}`),
  fc.constant('<html><body>502 Bad Gateway</body></html>'),
  // Huge and cut off mid-array: built, not generated character by character (that would take minutes).
  fc
    .nat(5_000)
    .map((n) => `{"data":[${'{"id":"KEY0190AB12CD34EF56AB78CD90EF12AB34","tags":["x"]},'.repeat(5_000 + n)}`),
);
const status = fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 405, 422, 429, 500, 502, 503);

function clientAnswering(answers: { status: number; body: string }[]) {
  let call = 0;
  return createTelnyxClient({
    fetch: async () => {
      const answer = answers[call++ % answers.length] ?? { status: 200, body: '' };
      return new Response(answer.status === 204 ? null : answer.body, { status: answer.status });
    },
    baseUrl: 'https://api.telnyx.test/v2',
    apiKey: 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv',
    logger: createLogger({ redactor: new Redactor(), sink: () => undefined }),
    now: () => new Date('2026-03-02T10:00:00Z'),
    sleep: async () => undefined,
    timeoutMs: 1_000,
  });
}

/** Either an answer, or an AppError of the contract with a plain sentence: never a TypeError, never a stack. */
async function settlesPlainly(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    return (
      error instanceof AppError &&
      (ERROR_CODES as readonly string[]).includes(error.code) &&
      /^[A-Z].*[.!]$/.test(error.message) &&
      !/undefined|\bat \w|TypeError|SyntaxError/.test(error.message)
    );
  }
}

describe('fuzzing the Telnyx response parsers', () => {
  it('key records and error envelopes of any shape never throw', () => {
    fc.assert(
      fc.property(fc.anything(), fc.integer({ min: 100, max: 599 }), (raw, httpStatus) => {
        const record = parseKeyRecord(raw, new Date());
        if (record !== null) expect(typeof record.id).toBe('string');
        expect(readErrorEnvelope(httpStatus, raw).status).toBe(httpStatus);
      }),
      { numRuns: 20_000 },
    );
  });

  it('a record with a usable string id is never dropped, and what comes out always fits the key cache', () => {
    const ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
    const FIELDS = [
      'user_id',
      'user',
      'user_email',
      'email',
      'status',
      'tags',
      'expires_at',
      'expiration',
      'last_used_at',
      'last_used',
      'created_at',
    ] as const;
    const tally = new Degradations();
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), fc.anything()), (fields) => {
        const record = parseKeyRecord({ ...fields, id: ID }, new Date(), tally);
        expect(record?.id).toBe(ID);
        // The cache write validates: a record it refused would fail the whole sync.
        expect(CachedKey.safeParse(record).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // Names and types only: the log line never carries a value.
    expect(Object.keys(tally.summary().fields).every((k) => /^[\w.]+ \([\w -]+\)$/.test(k))).toBe(true);
  });

  it.each([
    ['check a key', (c: ReturnType<typeof clientAnswering>) => c.checkKey()],
    ['list every key', (c: ReturnType<typeof clientAnswering>) => c.listOrganizationKeys()],
    [
      'enable a key',
      (c: ReturnType<typeof clientAnswering>) => c.setEnabled('KEY0190AB12CD34EF56AB78CD90EF12AB34', true),
    ],
    [
      'edit tags',
      (c: ReturnType<typeof clientAnswering>) => c.updateTags('KEY0190AB12CD34EF56AB78CD90EF12AB34', ['a']),
    ],
    [
      'create a key',
      (c: ReturnType<typeof clientAnswering>) =>
        c.createKey({ tags: [], expiresAt: null }, () => c.listOwnKeys(), new Set()),
    ],
  ])(
    '%s: malformed, truncated, huge and unexpected answers end in an answer or a plain error',
    async (_label, operation) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ status, body }), { minLength: 1, maxLength: 4 }),
          async (answers) => settlesPlainly(() => operation(clientAnswering(answers))),
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
