import { z } from 'zod';
import { AppError } from '../errors.js';
import type { ServerWait } from './retry-policy.js';

/** Telnyx's error envelope: `code` (digits, as a string) and `title` always present; branch on `code`. */
const ErrorEnvelope = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        code: z.union([z.string(), z.number()]).optional(),
        title: z.string().optional(),
        source: z.looseObject({ pointer: z.string().optional() }).optional().catch(undefined),
      }),
    )
    .min(1),
});

/** `pointer`: the JSON pointer of the request field Telnyx blamed (`/tags`), when it named one. */
export type TelnyxFailure = {
  status: number;
  telnyxCode: string | null;
  title: string | null;
  pointer: string | null;
};

export function readErrorEnvelope(status: number, body: unknown): TelnyxFailure {
  const parsed = ErrorEnvelope.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  return {
    status,
    telnyxCode: first?.code === undefined ? null : String(first.code),
    title: first?.title ?? null,
    pointer: first?.source?.pointer ?? null,
  };
}

/**
 * Maps an HTTP failure to the contract's codes and a plain sentence. Callers that know the context (enabling
 * an expired key, a non-owner) replace the sentence; the Telnyx code stays in `detail` for the log.
 */
export function errorFromFailure(failure: TelnyxFailure): AppError {
  const detail = {
    httpStatus: failure.status,
    telnyxCode: failure.telnyxCode,
    title: failure.title,
    pointer: failure.pointer,
  };
  switch (true) {
    case failure.status === 401:
      return new AppError(
        'unauthorized',
        'That key was refused by Telnyx. It may be mistyped, disabled, expired or revoked.',
        detail,
      );
    case failure.status === 403:
      return new AppError('forbidden', 'This Telnyx key is not allowed to do that.', detail);
    case failure.status === 404:
      return new AppError('not-found', 'Telnyx does not know that key. It may have been deleted.', detail);
    case failure.status === 405 || failure.status === 501:
      return new AppError(
        'not-supported',
        'Telnyx does not let Keytray do this. Do it in the Telnyx portal.',
        detail,
      );
    case failure.status === 429:
      return new AppError(
        'rate-limited',
        'Telnyx is limiting requests right now. Try again in a minute.',
        detail,
      );
    case failure.status >= 500:
      return new AppError(
        'unavailable',
        `Telnyx is having trouble right now (error ${failure.status}). Try again in a minute.`,
        detail,
      );
    default:
      return new AppError(
        'rejected',
        failure.title ? `Telnyx refused the request: ${failure.title}.` : 'Telnyx refused the request.',
        detail,
      );
  }
}

/**
 * Telnyx asked for a wait longer than Keytray holds the popup for. Only for a wait Telnyx really asked for
 * (`serverRequestedWait`): a 5xx that merely carries `x-ratelimit-reset` ends in `errorFromFailure`'s
 * "having trouble" sentence instead.
 */
export const serverWaitError = (status: number, wait: ServerWait) =>
  new AppError(
    status === 429 ? 'rate-limited' : 'unavailable',
    `Telnyx asked Keytray to wait ${Math.ceil(wait.ms / 1000)} seconds. Try again after that.`,
    { httpStatus: status, waitMs: wait.ms, waitSource: wait.source },
  );

export const networkError = (cause: unknown) =>
  new AppError('unavailable', 'Keytray cannot reach Telnyx. Check the internet connection and try again.', {
    cause: cause instanceof Error ? cause.message : String(cause),
  });

export const timeoutError = (ms: number) => {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return new AppError(
    'unavailable',
    `Telnyx did not answer within ${seconds} second${seconds === 1 ? '' : 's'}. Try again.`,
    {
      timeoutMs: ms,
    },
  );
};

export const badResponseError = (why: string) =>
  new AppError('bad-response', 'Telnyx sent an answer Keytray could not read. Try again in a minute.', {
    why,
  });
