import { keyName } from './reminder-text.js';

/**
 * An iCalendar file (RFC 5545) with one all-day event per expiring key, each with an alarm, so the dates
 * reach people's calendars too. CRLF line ends, lines folded at 75 octets, text escaped.
 */
export function expiryCalendar(
  keys: readonly { id: string; tags: string[]; expiresAt: string }[],
  now: Date,
  alarmDaysBefore: number,
): string {
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
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${key.id}-${key.expiresAt.replace(/[^0-9]/g, '')}@keytray`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${localDate(day)}`,
      `DTEND;VALUE=DATE:${localDate(next)}`,
      `SUMMARY:${escape(`Telnyx API key ${keyName(key)} expires`)}`,
      `DESCRIPTION:${escape(`${key.id} stops working at ${key.expiresAt}. Anything using it will fail: replace it in Keytray or the Telnyx portal before then.`)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:-P${Math.max(0, alarmDaysBefore)}D`,
      `DESCRIPTION:${escape(`Telnyx API key ${keyName(key)} expires soon`)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escape = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  let limit = 75;
  while (Buffer.byteLength(rest, 'utf8') > limit) {
    let cut = limit;
    while (Buffer.byteLength(rest.slice(0, cut), 'utf8') > limit) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    limit = 74;
  }
  parts.push(rest);
  return parts.join('\r\n ');
}
