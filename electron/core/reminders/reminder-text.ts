import { shortKeyId } from '../../common/key-id.js';
import { displayText } from '../../common/text.js';

export type RemindedKey = {
  id: string;
  tags: string[];
  expiresAt: string;
  daysLeft: number;
  expired: boolean;
};

/** "Fri 12 Dec", in the person's own time zone. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })
    .format(new Date(iso))
    .replace(',', '');
}

/**
 * A key as people recognise it: its id, shortened, and its tags. "KEY01…AB34 (prod, sms)". Tags come from
 * Telnyx as they are; notifications and the calendar get them cleaned of control and direction characters.
 */
export function keyName(key: { id: string; tags: string[] }): string {
  const tags = key.tags.slice(0, 3).map(displayText);
  return tags.length ? `${shortKeyId(key.id)} (${tags.join(', ')})` : shortKeyId(key.id);
}

function when(key: RemindedKey): string {
  if (key.expired) return 'has expired';
  if (key.daysLeft <= 0) return 'expires today';
  if (key.daysLeft === 1) return 'expires tomorrow';
  return `expires in ${key.daysLeft} days`;
}

/**
 * One notification for everything due in a check: a single key gets a full sentence of what happens; several
 * become one grouped notification, not a flood.
 */
export function reminderNotification(keys: readonly RemindedKey[]): { title: string; body: string } {
  const [first] = keys;
  if (!first) return { title: '', body: '' };
  if (keys.length === 1) {
    return {
      title: `Telnyx key ${when(first)}`,
      body: first.expired
        ? `${keyName(first)} stopped working on ${shortDate(first.expiresAt)}. Anything still using it is failing: replace it.`
        : `${keyName(first)} stops working on ${shortDate(first.expiresAt)} — anything using it will fail.`,
    };
  }
  const sorted = [...keys].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  const listed = sorted.slice(0, 3).map((k) => `${keyName(k)} ${when(k)}`);
  const more = keys.length > 3 ? `, and ${keys.length - 3} more` : '';
  return { title: `${keys.length} Telnyx keys need attention`, body: `${listed.join('; ')}${more}.` };
}
