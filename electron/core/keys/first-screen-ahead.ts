import { expiryTime, mayNeedAttention } from '../../common/expiry.js';
import { groupOf, keepTop, type Ranked } from '../../common/key-order.js';
import { countTags } from '../../common/top-tags.js';
import type { KeyRecord } from '../telnyx/unverified.js';

/** How long the list may take to arrive for what was noted on the way to answer for it (see below). */
export const NOTED_FOR_MS = 60_000;

/** What a first screen is found from (`keys.list({ first })`): a few records of the many, and the tag counts. */
export type NotedFirstScreen = {
  /** Every record that can be among the first keys, pins aside (the caller adds the pinned ones). */
  ranked: KeyRecord[];
  /** Every record that can need attention. */
  attention: KeyRecord[];
  /** Tag → how many keys have it, over every record. */
  tags: ReadonlyMap<string, number>;
};

/**
 * Connect's first screen, worked out while the key list arrives: each record is looked at as its page is
 * parsed, with later pages on their way, so that once the last page is in only a few dozen records are left to
 * order and count instead of 10,000 (tens of ms in a process whose code has not run yet).
 *
 * Exact, not an estimate: what is kept is a superset of what the first screen can hold at any instant from
 * `from` to `from + NOTED_FOR_MS`. A key's place in the order changes with time only when it expires (see
 * `orderKeys`), so the keys that expire within that window are kept aside whatever their place, and the best
 * `count` of the others cannot change; attention keeps every key `mayNeedAttention` says may need it then. The
 * first screen is then found among these with the usual rules, at the instant it is asked for. Pins are not
 * known yet (the account may be a new one): the pinned keys are added by the caller, and they only ever move
 * to the top, so they push others out, never in.
 */
export function noteFirstScreen(input: { from: number; count: number; horizonDays: number }) {
  const { from, count, horizonDays } = input;
  const at = new Date(from);
  let seen = 0;
  const tags = new Map<string, number>();
  const attention: KeyRecord[] = [];
  /** Keys that expire within the window: their place may change, so all are kept. */
  const expiring: KeyRecord[] = [];
  const top: Ranked<KeyRecord>[] = [];
  return {
    see(record: KeyRecord): void {
      seen += 1;
      countTags(record, tags);
      const expires = expiryTime(record);
      if (mayNeedAttention(record.status, expires, from, NOTED_FOR_MS, horizonDays)) attention.push(record);
      if (expires !== null && expires > from && expires <= from + NOTED_FOR_MS) expiring.push(record);
      else keepTop(top, record, groupOf(record, false, at), count);
    },
    /**
     * What was noted, if it answers for `records` (the list as the walk ended it) at `now`, with attention
     * counted over `horizonDays`: null when it does not (another list, later than the window, a longer
     * horizon), and the first screen is then found among all the records.
     */
    take(records: readonly KeyRecord[], now: number, horizon: number): NotedFirstScreen | null {
      if (records.length !== seen || now < from || now > from + NOTED_FOR_MS || horizon > horizonDays)
        return null;
      return { ranked: [...top.map((r) => r.key), ...expiring], attention, tags };
    },
  };
}

export type FirstScreenNotes = ReturnType<typeof noteFirstScreen>;
