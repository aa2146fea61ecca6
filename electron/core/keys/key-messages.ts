import { AppError, PORTAL_URL } from '../errors.js';

/** What the API cannot do, said plainly, with the way to do it instead. */
export function notSupported(what: string): AppError {
  return new AppError(
    'not-supported',
    `Telnyx doesn't let Keytray ${what} for this account. Do it in the Telnyx portal (${PORTAL_URL}).`,
  );
}

/**
 * The connected key cannot read the organization's key list (`GET /v2/iam/api_keys` answered 403, 404, 405 or
 * 501), and Telnyx's API turns keys on and off only through it. Said as what the key can't do: whether the
 * person is the owner is not what Keytray knows.
 */
export function ownerOnly(what: string): AppError {
  return new AppError(
    'not-supported',
    `The connected key can't ${what} keys: Telnyx doesn't show it the organization's keys. Do it in the Telnyx portal (${PORTAL_URL}), or connect with a key that has that access.`,
  );
}
