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
    expect(!control.ok && control.message).toMatch(/not control or text-direction characters/);
  });

  it.each([
    ['a C1 control', 'bad\u0085tag'],
    ['a right-to-left override', 'bad\u202etag'],
    ['a directional isolate', 'bad\u2066tag'],
    ['a line separator', 'bad\u2028tag'],
  ])('refuses a typed tag with %s', (_, tag) => {
    const result = checkTags(['prod', tag]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(
      'Tags can hold letters, digits, spaces and punctuation, not control or text-direction characters.',
    );
  });

  describe('tags the key already carries (set in Telnyx) pass exactly as they are', () => {
    const fromTelnyx = ['ops\u202eteam', ' spaced ', 'line\nbreak', 'Prod', 'prod'];

    it('an edit that adds a tag leaves every existing one unchanged: not trimmed, cleaned or merged', () => {
      expect(checkTags([...fromTelnyx, 'sms'], { existing: fromTelnyx })).toEqual({
        ok: true,
        tags: [...fromTelnyx, 'sms'],
      });
    });

    it('removing one of them keeps the others as they are', () => {
      expect(checkTags(fromTelnyx.slice(1), { existing: fromTelnyx })).toEqual({
        ok: true,
        tags: fromTelnyx.slice(1),
      });
    });

    it('a new tag with the same characters as an existing one is still refused', () => {
      const result = checkTags(['ops\u202eteam', 'new\u202etag'], { existing: ['ops\u202eteam'] });
      expect(result.ok).toBe(false);
    });

    it('a typed tag that only differs in case from an existing one is dropped, the existing spelling kept', () => {
      expect(checkTags(['PROD ', 'prod'], { existing: ['prod'] })).toEqual({ ok: true, tags: ['prod'] });
    });

    it('still count towards the ten', () => {
      const ten = Array.from({ length: 10 }, (_, i) => `t${i}\u0007`);
      const result = checkTags([...ten, 'one-more'], { existing: ten });
      expect(!result.ok && result.message).toBe('A key can have at most 10 tags; this one would have 11.');
    });
  });
});
