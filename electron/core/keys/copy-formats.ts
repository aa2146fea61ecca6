import type { KeyCopyFormat, TokenCopyFormat } from '../../common/contract.js';

/** [doc] Telnyx's own first authentication check (`GET /v2/balance`). */
const CHECK_URL = 'https://api.telnyx.com/v2/balance';
/** The variable the "Environment variable" format sets, and the one Telnyx's SDKs read. */
export const KEY_ENV_VAR = 'TELNYX_API_KEY';

/**
 * The texts people paste: the key alone, a `.env` line, a header, or a curl command that proves it works.
 * The curl command reads the key from `$TELNYX_API_KEY` (it pairs with "Environment variable"): a key typed
 * on a command line lands in shell history and in the process list.
 */
export function formatKey(secret: string, format: KeyCopyFormat): string {
  switch (format) {
    case 'raw':
      return secret;
    case 'env':
      return `${KEY_ENV_VAR}=${secret}`;
    case 'header':
      return `Authorization: Bearer ${secret}`;
    case 'curl':
      return `curl -H "Authorization: Bearer $${KEY_ENV_VAR}" ${CHECK_URL}`;
  }
}

/** Where a V1 request goes: Telnyx documents no V1 endpoint to test a token with, so none is claimed. */
const V1_URL_PLACEHOLDER = '<V1 endpoint URL>';

/**
 * V1 tokens go in two headers, `x-api-user` and `x-api-token`. `curl` is a template with those headers and a
 * placeholder where the URL goes: Telnyx documents no V1 URL that would test the token.
 */
export function formatToken(email: string, token: string, format: TokenCopyFormat): string {
  switch (format) {
    case 'token':
      return token;
    case 'headers':
      return `x-api-user: ${email}\nx-api-token: ${token}`;
    case 'curl':
      return `curl -H "x-api-user: ${email}" -H "x-api-token: ${token}" "${V1_URL_PLACEHOLDER}"`;
  }
}
