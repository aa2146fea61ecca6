import { AppError, PORTAL_URL } from '../errors.js';

/** What the API cannot do, said plainly, with the way to do it instead. */
export function notSupported(what: string): AppError {
  return new AppError(
    'not-supported',
    `Telnyx's API does not let Keytray ${what} for this account. Do it in the Telnyx portal (${PORTAL_URL}), under Account settings → API Keys.`,
  );
}

export function ownerOnly(what: string): AppError {
  return new AppError(
    'not-supported',
    `Only the organization owner can ${what} keys through Telnyx's API. Ask the owner, or use the Telnyx portal (${PORTAL_URL}).`,
  );
}
