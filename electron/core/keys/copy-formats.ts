import type { KeyCopyFormat, TokenCopyFormat } from '../../common/contract.js';

const CHECK_URL = 'https://api.telnyx.com/v2/balance';

/** The texts people paste: the key alone, a `.env` line, a header, or a curl command that proves it works. */
export function formatKey(secret: string, format: KeyCopyFormat): string {
  switch (format) {
    case 'raw':
      return secret;
    case 'env':
      return `TELNYX_API_KEY=${secret}`;
    case 'header':
      return `Authorization: Bearer ${secret}`;
    case 'curl':
      return `curl -H "Authorization: Bearer ${secret}" ${CHECK_URL}`;
  }
}

/** V1 tokens go in two headers, `x-api-user` and `x-api-token`. */
export function formatToken(email: string, token: string, format: TokenCopyFormat): string {
  switch (format) {
    case 'token':
      return token;
    case 'headers':
      return `x-api-user: ${email}\nx-api-token: ${token}`;
    case 'curl':
      return `curl -H "x-api-user: ${email}" -H "x-api-token: ${token}" https://api.telnyx.com/`;
  }
}
