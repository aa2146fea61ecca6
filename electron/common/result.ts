import { z } from 'zod';

/**
 * The closed set of reasons an IPC call can fail. The renderer branches on these, never on message text;
 * messages are plain words for people. Telnyx's own error codes stay in main, in the log.
 */
export const ERROR_CODES = [
  'invalid-input', // the payload failed its schema, or a rule (tags, key shape)
  'not-connected', // no account yet
  'unauthorized', // Telnyx refused the key (401)
  'forbidden', // the key works but may not do this (403)
  'not-found', // unknown id, or a secret Keytray does not hold
  'rejected', // Telnyx understood and refused (400/422), e.g. enabling an expired key
  'not-supported', // the account or the API cannot do this; the message points to the portal
  'rate-limited', // 429 after our retries
  'unavailable', // network down, 5xx, timeout: try again later
  'bad-response', // Telnyx answered something we could not read
  'keychain-unavailable', // no OS keychain: nothing was stored
  // A create Telnyx refused (422) because of one field it sent (`source.pointer` `/tags` or `/expires_at`):
  // nothing was created, and the popup may offer "Create without tags/expiry" as one deliberate click. A code,
  // not a value of `keys.create`: the create failed, and every caller that unwraps a created key stays as is.
  'tags-refused',
  'expiry-refused',
  'internal', // a bug; details are in the log
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const AppErrorShape = z.strictObject({ code: ErrorCodeSchema, message: z.string().max(2000) });
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/** What every IPC call resolves to: an exception crossing IPC would lose all but its message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: AppErrorShape }),
  ]);
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
