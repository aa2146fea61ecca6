import { attentionWords } from '../../common/expiry.js';
import { shortKeyId } from '../../common/key-id.js';
import type { Attention } from '../../common/models.js';
import { displayText } from '../../common/text.js';

export type RemindedKey = {
  id: string;
  /** The person's name for it (`Rename…`). */
  name?: string | null;
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
 * A key as people recognise it: the name they gave it, first, with its id shortened ("Zapier (KEY01…AB34)");
 * else its id and its tags ("KEY01…AB34 (prod, sms)"). Names and tags are cleaned of control and direction
 * characters here: Telnyx's tags come as they are, and names saved before that check may hold them.
 */
export function keyName(key: { id: string; tags: string[]; name?: string | null }): string {
  if (key.name) return `${displayText(key.name)} (${shortKeyId(key.id)})`;
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
 * become one grouped notification, not a flood. The grouped one counts what needs attention by the one rule
 * (`attention`: the tray's badge and the popup's banner count the same keys), names the horizon, lists the
 * keys due now first, and a click on it shows all it counts, soonest first.
 */
export function reminderNotification(
  keys: readonly RemindedKey[],
  attention: Attention | null = null,
): { title: string; body: string; keyIds: string[] } {
  const [first] = keys;
  if (!first) return { title: '', body: '', keyIds: [] };
  if (keys.length === 1) {
    return {
      title: `Telnyx key ${when(first)}`,
      body: first.expired
        ? `${keyName(first)} stopped working on ${shortDate(first.expiresAt)}. Anything still using it is failing: replace it.`
        : `${keyName(first)} stops working on ${shortDate(first.expiresAt)} — anything using it will fail.`,
      keyIds: [first.id],
    };
  }
  const sorted = [...keys].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
  const ids = sorted.map((k) => k.id);
  // Every key due now needs attention by the rule, so the rule's count covers them (the others it counts were
  // announced before). Should it not (a caller without the rule), the keys due now are counted alone.
  const counts =
    attention && ids.every((id) => attention.keyIds.includes(id))
      ? attention
      : {
          keyIds: ids,
          expired: keys.filter((k) => k.expired).length,
          expiring: keys.filter((k) => !k.expired).length,
          horizonDays: Math.max(0, ...keys.map((k) => k.daysLeft)),
        };
  const total = counts.keyIds.length;
  const listed = sorted.slice(0, 3).map((k) => `${keyName(k)} ${when(k)}`);
  const more = total > 3 ? `, and ${total - 3} more` : '';
  // "3 keys need attention: 2 expire within 30 days, 1 expired …": the title has the total already.
  const words = attentionWords(counts) ?? '';
  const parts = words.includes(': ') ? words.slice(words.indexOf(': ') + 2) : words;
  return {
    title: `${total} Telnyx keys need attention`,
    body: `${capitalise(parts)}. ${listed.join('; ')}${more}.`,
    keyIds: counts.keyIds,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * With several accounts, a reminder says whose keys it is about: "Production: Telnyx key expires in 3 days".
 * `account` null (one account): as it was.
 */
export function withAccountName<T extends { title: string }>(notification: T, account: string | null): T {
  return account
    ? { ...notification, title: `${displayText(account)}: ${notification.title}` }
    : notification;
}
