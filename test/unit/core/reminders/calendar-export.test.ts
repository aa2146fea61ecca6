import { describe, expect, it } from 'vitest';
import { shortKeyId } from '../../../../electron/common/key-id.js';
import { escapeText, expiryCalendar, foldLine } from '../../../../electron/core/reminders/calendar-export.js';
import { ALL_ZONES, hardInstants, inZone } from '../../../fixtures/time-zones.js';

const ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
const NOW = new Date('2026-03-02T10:00:00Z');

/** Physical lines of the file, as a calendar reads them (CRLF ends every line, the last one included). */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  return ics.slice(0, -2).split('\r\n');
}

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

/** RFC 5545 §3.3.11, read back: `\\n`/`\\N` is a line break, `\\x` is `x`. */
const unescape = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (/n/i.test(c) ? '\n' : c));

/** The value of the first content line named `name` (unfolded), with the escapes undone. */
function property(ics: string, name: string): string | undefined {
  const line = unfold(ics)
    .split('\r\n')
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  return line === undefined ? undefined : unescape(line.slice(line.indexOf(':') + 1));
}

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

describe('calendar export: text escaped per RFC 5545', () => {
  it('escapes backslash, semicolon and comma, and writes a line break as \\n', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('a bare CR never becomes a line break: it is neither written raw nor turned into \\n', () => {
    const escaped = escapeText('prod\rATTACH:https://evil.example/');
    expect(escaped).not.toMatch(/[\r\n]/);
    expect(escaped).not.toContain('\\n');
    expect(escaped).toBe('prod\ufffdATTACH:https://evil.example/');
  });

  it('no other control character reaches the file', () => {
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe\tf')).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('a tag set in Telnyx with a bare CR, a newline or semicolons cannot add a property or an event', () => {
    const ics = expiryCalendar(
      [
        {
          id: ID,
          tags: ['a\rATTENDEE:mailto:x@evil.example', 'b\r\nEND:VEVENT', 'c;d,e\\f'],
          expiresAt: '2026-03-20T12:00:00.000Z',
        },
      ],
      NOW,
      [7],
    );
    const lines = unfold(ics).split('\r\n');
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toEqual([]);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- nothing but CRLF line ends in the whole file
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(property(ics, 'SUMMARY')).toBe(
      `Telnyx API key “a\ufffdATTENDEE:mailto:x@evil.example, b\ufffd\ufffdEND:VEVENT, c;d,e\\f” expires`,
    );
  });
});

describe('calendar export: lines folded at 75 octets, never inside a character', () => {
  const samples: Record<string, string[]> = {
    emoji: ['🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀', '👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻', '🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺'],
    CJK: [
      '生产环境密钥生产环境密钥生产环境密钥',
      '測試用の鍵測試用の鍵測試用の鍵',
      '운영키운영키운영키운영키',
    ],
    'mixed, with escapes': ['a,b;c\\d🚀e', 'x'.repeat(60), 'é'.repeat(40)],
  };

  it.each(Object.entries(samples))(
    '%s tags: every physical line is at most 75 octets, and unfolding gives back the exact text',
    (_, tags) => {
      const ics = expiryCalendar([{ id: ID, tags, expiresAt: '2026-03-20T12:00:00.000Z' }], NOW, [7]);
      const lines = physicalLines(ics);
      expect(lines.some((l) => l.startsWith(' '))).toBe(true);
      for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
      // Cut between characters: the file is valid UTF-8 with no replacement character anywhere.
      expect(ics).not.toContain('\ufffd');
      expect(Buffer.from(ics, 'utf8').toString('utf8')).toBe(ics);
      expect(property(ics, 'SUMMARY')).toBe(`Telnyx API key “${tags.join(', ')}” expires`);
      expect(property(ics, 'DESCRIPTION')).toBe(
        `${tags.join(', ')} (${ID}) stops working at 2026-03-20T12:00:00.000Z. Anything using it will fail: replace it in Keytray or the Telnyx portal before then.`,
      );
    },
  );

  it('fills lines up to the limit: 75 octets on the first line, a space and 74 on the next', () => {
    const folded = foldLine('S'.repeat(75 + 74 + 10));
    expect(folded.split('\r\n').map(octets)).toEqual([75, 75, 11]);
    expect(foldLine('S'.repeat(75))).toBe('S'.repeat(75));
  });

  it('moves a four-octet character to the next line whole when it would straddle the limit', () => {
    const folded = foldLine(`${'a'.repeat(73)}🚀b`);
    expect(folded).toBe(`${'a'.repeat(73)}\r\n 🚀b`);
  });

  it('folds any mix of one- to four-octet characters and unfolds to the same text', () => {
    const pieces = ['a', 'é', '€', '生', '🚀', '👩‍💻', ';'];
    for (let seed = 1; seed <= 200; seed++) {
      let text = '';
      for (let i = 0; i < 10 + ((seed * 7919) % 200); i++)
        text += pieces[(seed * 31 + i * i) % pieces.length];
      const folded = foldLine(`SUMMARY:${text}`);
      for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(folded, 'utf8').toString('utf8')).toBe(folded);
      expect(unfold(folded)).toBe(`SUMMARY:${text}`);
    }
  });
});

/** The local calendar day of an instant in `zone`, computed by Intl rather than by the code under test. */
function localDay(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(instant)
    .replace(/-/g, '');
}

describe.each(ALL_ZONES)('calendar export dates in %s', (zone) => {
  it('each event falls on the local day the key expires, ends the next day, and alarms 7 days before', () => {
    inZone(zone, () => {
      const instants = hardInstants();
      const keys = instants.map((at, i) => ({
        id: `${ID.slice(0, -2)}${String(i).padStart(2, '0')}`,
        tags: ['prod'],
        expiresAt: at.toISOString(),
      }));
      const ics = unfold(expiryCalendar(keys, NOW, [7]));
      const events = ics.split('BEGIN:VEVENT\r\n').slice(1);
      expect(events).toHaveLength(instants.length);
      events.forEach((event, i) => {
        const at = instants[i] as Date;
        const start = /DTSTART;VALUE=DATE:(\d{8})/.exec(event)?.[1];
        const end = /DTEND;VALUE=DATE:(\d{8})/.exec(event)?.[1] ?? '';
        expect(start).toBe(localDay(at, zone));
        // The next calendar day, even on a daylight-saving change (a 23- or 25-hour day).
        expect(dayDifference(localDay(at, zone), end)).toBe(1);
        expect(event).toContain('\r\nTRIGGER:-P7D\r\n');
        expect(event).toContain(`\r\nDTSTAMP:20260302T100000Z\r\n`);
      });
    });
  });
});

/** Whole days between two `YYYYMMDD` dates, counted on the calendar (UTC noon avoids any zone). */
function dayDifference(from: string, to: string): number {
  const noon = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)), 12);
  return Math.round((noon(to) - noon(from)) / 86_400_000);
}

describe('calendar export: names and alarms as the person set them', () => {
  const key = { id: ID, tags: ['prod', 'sms'], expiresAt: '2026-03-20T12:00:00.000Z' };
  const alarms = (ics: string) => unfold(ics).match(/TRIGGER:[^\r]+/g) ?? [];

  it('names a key by the name given in Keytray, else by its tags, else by its short id', () => {
    expect(property(expiryCalendar([{ ...key, name: 'Zapier' }], NOW, [7]), 'SUMMARY')).toBe(
      'Telnyx API key “Zapier” expires',
    );
    expect(property(expiryCalendar([key], NOW, [7]), 'SUMMARY')).toBe('Telnyx API key “prod, sms” expires');
    expect(property(expiryCalendar([{ ...key, tags: [] }], NOW, [7]), 'SUMMARY')).toBe(
      `Telnyx API key “${shortKeyId(ID)}” expires`,
    );
  });

  it('has one alarm per reminder chosen in Settings, on the day at its start, and none with reminders off', () => {
    expect(alarms(expiryCalendar([key], NOW, [30, 7, 1, 0]))).toEqual([
      'TRIGGER:-P30D',
      'TRIGGER:-P7D',
      'TRIGGER:-P1D',
      'TRIGGER:PT0S',
    ]);
    expect(alarms(expiryCalendar([key], NOW, [1]))).toEqual(['TRIGGER:-P1D']);
    expect(alarms(expiryCalendar([key], NOW, []))).toEqual([]);
  });
});
