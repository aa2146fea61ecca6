import { parseKeyValue } from './key-id.js';

/**
 * What kind of Telnyx credential a pasted text is, so that a paste in the wrong place (a V1 token on Connect or in
 * "Save the full key", an API key in "Add V1 token", a key's id instead of the key) can be recognised and the
 * person sent to the right place instead of told only "that does not look right".
 *
 * - `api-key`: a full v2 API key, `KEY…_secret` (see `key-id.ts`).
 * - `key-id`: only the id part of a v2 key (`KEY` + 32 hex, as the list shows it): the secret is missing.
 * - `v1-token`: a legacy V1 token, a string of about 22 letters and digits. Some people paste them with `+`/`/`
 *   (base64 rather than base64url), so both alphabets count. A 22-character token can never look like an API
 *   key: `KEY`, at least 4 characters, `_` and a secret of at least 16 are more than 22.
 * - `other`: none of these.
 */
export type CredentialKind = 'api-key' | 'key-id' | 'v1-token' | 'other';

/** The shape of a V1 token Keytray accepts (the tokens tab checks pastes against it). */
export const V1_TOKEN_PATTERN = /^[A-Za-z0-9_\-+/=]{16,128}$/;

/** The documented id of a v2 key, as the list and the portal show it. */
const LISTED_KEY_ID = /^KEY[0-9A-Fa-f]{32}$/;

export function credentialKind(pasted: string): CredentialKind {
  const value = pasted.trim();
  if (parseKeyValue(value)) return 'api-key';
  if (LISTED_KEY_ID.test(value)) return 'key-id';
  // An API key with its secret cut short still carries `KEY…_`: not a token, whatever its length.
  if (/^KEY[0-9A-Za-z]{4,64}_/.test(value)) return 'other';
  if (V1_TOKEN_PATTERN.test(value)) return 'v1-token';
  return 'other';
}
