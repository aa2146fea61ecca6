import { describe, expect, it } from 'vitest';
import { channels } from '../../../electron/common/contract.js';
import { displayText, isPlainText, REPLACEMENT_CHARACTER } from '../../../electron/common/text.js';

/** One of each kind of character that must never reach a menu label, a notification or the calendar. */
const UNSAFE: Record<string, string> = {
  'NUL (C0)': '\u0000',
  'line feed (C0)': '\n',
  'carriage return (C0)': '\r',
  'escape (C0)': '\u001b',
  DEL: '\u007f',
  'next line (C1)': '\u0085',
  'CSI (C1)': '\u009b',
  'line separator': '\u2028',
  'paragraph separator': '\u2029',
  'left-to-right embedding': '\u202a',
  'right-to-left override': '\u202e',
  'left-to-right isolate': '\u2066',
  'pop directional isolate': '\u2069',
  'lone high surrogate': '\ud83d',
  'lone low surrogate': '\ude00',
};

const KEY_ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
const TOKEN_ID = '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f';

/** Every channel that takes a name or a label, with the payload that carries `name`. */
const NAMED: [string, (name: string) => { success: boolean }][] = [
  [
    'tokens.add name',
    (name) => channels['tokens.add'].request.safeParse({ name, email: 'ops@example.com', token: 'abc' }),
  ],
  ['tokens.rename name', (name) => channels['tokens.rename'].request.safeParse({ id: TOKEN_ID, name })],
  ['keys.pin label', (label) => channels['keys.pin'].request.safeParse({ id: KEY_ID, pinned: true, label })],
  [
    'tokens.pin label',
    (label) => channels['tokens.pin'].request.safeParse({ id: TOKEN_ID, pinned: true, label }),
  ],
];

describe('plain text for names, labels and tags', () => {
  it.each(Object.entries(UNSAFE))('%s is not plain text, and is shown as U+FFFD', (_, char) => {
    expect(isPlainText(`prod${char}sms`)).toBe(false);
    expect(displayText(`prod${char}sms`)).toBe(`prod${REPLACEMENT_CHARACTER}sms`);
  });

  it('letters of any script, emoji, punctuation and spaces are plain text and shown unchanged', () => {
    for (const text of [
      'prod',
      'Billing (EU) – #2',
      'مفتاح الإنتاج',
      '生产环境',
      'prod 🚀👩‍💻',
      'a\u200db',
      'tab-free',
    ]) {
      expect(isPlainText(text)).toBe(true);
      expect(displayText(text)).toBe(text);
    }
  });

  it('a right-to-left override cannot make a label read as another ("Trojan Source")', () => {
    // Drawn raw, the override makes this read "invoiceexe.jpg"; cleaned, the trick is visible.
    expect(displayText('invoice\u202egpj.exe')).toBe('invoice\ufffdgpj.exe');
  });

  describe.each(NAMED)('the contract refuses unsafe characters in %s', (_, parse) => {
    it.each(Object.entries(UNSAFE))('%s inside the name', (_, char) => {
      expect(parse(`Billing${char}EU`).success).toBe(false);
    });

    it('and accepts a plain name in any script', () => {
      expect(parse('Billing EU 生产 🚀').success).toBe(true);
    });
  });

  it('the refusal says what to use, in plain words', () => {
    const parsed = channels['tokens.rename'].request.safeParse({ id: TOKEN_ID, name: 'Billing\u202eEU' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'use letters, digits, spaces and punctuation only (no control or text-direction characters)',
    );
  });
});
