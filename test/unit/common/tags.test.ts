import { describe, expect, it } from 'vitest';
import { checkTags, MAX_TAG_LENGTH } from '../../../electron/common/tags.js';

describe('checkTags', () => {
  it('trims, drops empty tags and removes duplicates ignoring case, keeping the first spelling', () => {
    expect(checkTags([' prod ', '', 'SMS', 'sms', 'Prod', '  '])).toEqual({
      ok: true,
      tags: ['prod', 'SMS'],
    });
  });

  it('allows ten tags and refuses the eleventh, saying how many there would be', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(checkTags(ten)).toEqual({ ok: true, tags: ten });
    const eleven = checkTags([...ten, 'one-more']);
    expect(eleven.ok).toBe(false);
    expect(!eleven.ok && eleven.message).toBe('A key can have at most 10 tags; this one would have 11.');
  });

  it('refuses over-long tags and control characters in plain words', () => {
    const long = checkTags(['x'.repeat(MAX_TAG_LENGTH + 1)]);
    expect(!long.ok && long.message).toMatch(/at most 64 characters/);
    const control = checkTags(['bad\u0007tag']);
    expect(!control.ok && control.message).toMatch(/control characters/);
  });
});
