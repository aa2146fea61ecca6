import { shortKeyId } from '../../common/key-id.js';
import { displayText } from '../../common/text.js';

/**
 * What a calendar calls a key: the name the person gave it, else its tags ("prod, sms"), else its short id.
 * A calendar entry is read next to a day, by people who know keys by what they are for, not by their ids.
 */
export function calendarKeyName(key: { id: string; tags: string[]; name?: string | null }): string {
  if (key.name) return displayText(key.name);
  if (key.tags.length > 0) return key.tags.map(displayText).join(', ');
  return shortKeyId(key.id);
}

/** An alarm `days` before the all-day event: "-P7D"; on the day, when the day begins. */
const trigger = (days: number) => (days > 0 ? `-P${days}D` : 'PT0S');

/**
 * An iCalendar file (RFC 5545) with one all-day event per expiring key, each with an alarm per reminder the
 * person chose in Settings (`leadDays`), so the dates reach people's calendars too. CRLF line ends, lines
 * folded at 75 octets, text escaped.
 */
export function expiryCalendar(
  keys: readonly {
    id: string;
    tags: string[];
    expiresAt: string;
    name?: string | null;
    /** With several accounts, the account the key belongs to ("Staging"): the entry says so. */
    account?: string;
  }[],
  now: Date,
  leadDays: readonly number[],
): string {
  const leads = [...new Set(leadDays.filter((d) => d >= 0))].sort((a, b) => b - a);
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Keytray//Key expiry dates//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const key of keys) {
    const day = new Date(key.expiresAt);
    const name = calendarKeyName(key);
    const whose = key.account ? ` (${displayText(key.account)})` : '';
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${key.id}-${key.expiresAt.replace(/[^0-9]/g, '')}@keytray`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${localDate(day)}`,
      `DTEND;VALUE=DATE:${localDate(next)}`,
      `SUMMARY:${escapeText(`Telnyx API key “${name}”${whose} expires`)}`,
      `DESCRIPTION:${escapeText(`${key.account ? `${displayText(key.account)}: ` : ''}${name} (${key.id}) stops working at ${key.expiresAt}. Anything using it will fail: replace it in Keytray or the Telnyx portal before then.`)}`,
      'TRANSP:TRANSPARENT',
    );
    for (const lead of leads) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${trigger(lead)}`,
        `DESCRIPTION:${escapeText(`Telnyx API key “${name}”${whose} expires ${lead === 0 ? 'today' : lead === 1 ? 'tomorrow' : `in ${lead} days`}`)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, `;` and `,` escaped, a line break (LF or CRLF) written as `\n`.
 * Every other control character, a bare CR included, is outside TEXT's grammar (TSAFE-CHAR): a reader that
 * takes a bare CR for a line end would start a new property there, so it becomes U+FFFD like the rest.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, '\ufffd')
  );
}

/** RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
const MAX_LINE_OCTETS = 75;

/**
 * Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). Counted in UTF-8
 * octets and cut only between characters (code points), never inside one: a cut through an emoji's bytes
 * is what turned emoji tags into U+FFFD. The continuation's leading space counts towards its 75.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = lines.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}
