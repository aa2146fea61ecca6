import { attentionAt, attentionHorizonDays, expiryTime } from '../../common/expiry.js';
import type { Attention } from '../../common/models.js';

type AttentionKey = { id: string; status: string; expiresAt: string | null };

/**
 * Which keys need attention now (`needsAttention`, the one rule), with the horizon it used and the counts,
 * less the keys whose reminder is snoozed. The tray, the popup's banner (through `KeyList.attention`) and the
 * grouped reminder all take their number from here, so they can't disagree.
 */
export function attentionOf(input: {
  keys: readonly AttentionKey[];
  now: Date;
  leadDays: readonly number[];
  snoozedUntil: Readonly<Record<string, string>>;
}): Attention {
  const horizonDays = attentionHorizonDays(input.leadDays);
  const now = input.now.getTime();
  const counted: { id: string; at: number; reason: 'expiring' | 'expired' }[] = [];
  let snoozed = 0;
  for (const key of input.keys) {
    const at = expiryTime(key);
    const reason = attentionAt(key.status, at, now, horizonDays);
    if (reason === null || at === null) continue;
    const until = input.snoozedUntil[key.id];
    if (until && Date.parse(until) > now) {
      snoozed++;
      continue;
    }
    counted.push({ id: key.id, at, reason });
  }
  // Dates parsed once per key (`expiryTime`), not twice per comparison: with thousands of keys that was most
  // of every list's cost.
  counted.sort((a, b) => a.at - b.at);
  return {
    horizonDays,
    keyIds: counted.map((k) => k.id),
    expiring: counted.filter((k) => k.reason === 'expiring').length,
    expired: counted.filter((k) => k.reason === 'expired').length,
    snoozed,
  };
}
