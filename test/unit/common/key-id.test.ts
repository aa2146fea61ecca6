import { describe, expect, it } from 'vitest';
import { parseKeyValue, shortKeyId } from '../../../electron/common/key-id.js';

const ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';

describe('parseKeyValue', () => {
  it('takes the id from before the first underscore, even when the secret has underscores', () => {
    expect(parseKeyValue(`${ID}_abc_DEF-ghi_jklmnopqrs`)).toEqual({ id: ID });
  });

  it('accepts test keys that carry letters after KEY', () => {
    expect(parseKeyValue('KEYTEST0190AB12_abcdefghijklmnopqrstuv')?.id).toBe('KEYTEST0190AB12');
  });

  it.each([
    ['no underscore', ID],
    ['a v1 token', 'abcdefghijklmnopqrstuv'],
    ['a short secret', `${ID}_abc`],
    ['spaces inside', `${ID}_abcdefgh ijklmnopqrstu`],
    ['not starting with KEY', 'XYZ0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv'],
  ])('refuses %s', (_label, value) => {
    expect(parseKeyValue(value)).toBeNull();
  });

  it('shortens ids for tight places', () => {
    expect(shortKeyId(ID)).toBe('KEY01…AB34');
  });
});
