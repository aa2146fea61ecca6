import { describe, expect, it } from 'vitest';
import { formatKey, formatToken } from '../../../../electron/core/keys/copy-formats.js';

const KEY = 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv';
const TOKEN = 'Vq3xT9bLm2Rk7Wp4Zs8Nd1';

describe('copy formats', () => {
  it('the v2 curl command reads the key from $TELNYX_API_KEY, which "Environment variable" sets', () => {
    const curl = formatKey(KEY, 'curl');
    expect(curl).toBe('curl -H "Authorization: Bearer $TELNYX_API_KEY" https://api.telnyx.com/v2/balance');
    // Never the key itself on a command line (shell history, the process list).
    expect(curl).not.toContain('abcdefghijklmnopqrstuv');
    expect(formatKey(KEY, 'env')).toBe(`TELNYX_API_KEY=${KEY}`);
  });

  it('the V1 curl format is a template: the two headers, and no URL claimed to test the token', () => {
    const template = formatToken('ops@example.com', TOKEN, 'curl');
    expect(template).toBe(
      `curl -H "x-api-user: ops@example.com" -H "x-api-token: ${TOKEN}" "<V1 endpoint URL>"`,
    );
    expect(template).not.toMatch(/https?:\/\//);
  });
});
