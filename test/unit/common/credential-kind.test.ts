import { describe, expect, it } from 'vitest';
import { credentialKind } from '../../../electron/common/credential-kind.js';

const ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';

describe('credentialKind', () => {
  it.each([
    ['a full API key', `${ID}_abcdefghijklmnopqrstuv`, 'api-key'],
    ['a full API key with spaces around it', `  ${ID}_abc_DEF-ghi_jklmnopqrs\n`, 'api-key'],
    ['a test key', 'KEYTEST0190AB12_abcdefghijklmnopqrstuv', 'api-key'],
    ['only the id of a key', ID, 'key-id'],
    ['a V1 token (base64url)', 'aB3dE-fG7hI_jK1lM9nO2p', 'v1-token'],
    ['a V1 token pasted with + and /', 'aB3dE+fG7hI/jK1lM9nO2p==', 'v1-token'],
    ['a key whose secret was cut short', `${ID}_abc`, 'other'],
    ['an e-mail address', 'ops@example.com', 'other'],
    ['a sentence', 'my api key', 'other'],
    ['nothing', '   ', 'other'],
  ])('%s is %s', (_label, value, kind) => {
    expect(credentialKind(value)).toBe(kind);
  });

  it('never takes a 22-character token for an API key, even one that starts with KEY', () => {
    expect(credentialKind('KEYabcd_efghijklmnopqr')).not.toBe('api-key');
  });
});
