import { describe, expect, it } from 'vitest';
import { enterMayCopy, firstKeys, orderKeys } from '../../../electron/common/key-order.js';
import { inDays, keyView, NOW } from '../renderer/key-fixtures.js';

describe('the default order of keys', () => {
  it('pinned first; then working keys soonest to expire, never-expiring after; then disabled; expired last', () => {
    const never = keyView({ tags: ['never'] });
    const soon = keyView({ tags: ['soon'], expiresAt: inDays(3) });
    const later = keyView({ tags: ['later'], expiresAt: inDays(40) });
    const disabled = keyView({ tags: ['disabled'], status: 'inactive', expiresAt: inDays(1) });
    const expired = keyView({ tags: ['expired'], status: 'expired', expiresAt: inDays(-2) });
    const lapsed = keyView({ tags: ['lapsed'], expiresAt: inDays(-1) });
    const pinned = keyView({ tags: ['pinned'], pinned: true });
    const unknownExpiry = keyView({ tags: ['unknown'], unreadable: ['expiresAt'] });
    const order = orderKeys([expired, never, disabled, later, lapsed, soon, unknownExpiry, pinned], NOW);
    expect(order.map((k) => k.tags[0])).toEqual([
      'pinned',
      'soon',
      'later',
      expect.stringMatching(/^(never|unknown)$/),
      expect.stringMatching(/^(never|unknown)$/),
      'disabled',
      'expired',
      'lapsed',
    ]);
  });

  it('Enter may copy only a key that works and keeps working', () => {
    expect(enterMayCopy(keyView(), NOW)).toBe(true);
    expect(enterMayCopy(keyView({ status: 'unknown' }), NOW)).toBe(true);
    expect(enterMayCopy(keyView({ status: 'inactive' }), NOW)).toBe(false);
    expect(enterMayCopy(keyView({ status: 'expired' }), NOW)).toBe(false);
    expect(enterMayCopy(keyView({ expiresAt: inDays(-1) }), NOW)).toBe(false);
    expect(enterMayCopy(keyView({ disableAt: inDays(1) }), NOW)).toBe(false);
  });

  it('the first keys of the order, found without sorting them all, are the order’s first keys', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const statuses = ['active', 'inactive', 'expired', 'unknown'] as const;
    for (let round = 0; round < 20; round++) {
      const keys = Array.from({ length: 300 }, () =>
        keyView({
          status: statuses[Math.floor(random() * 4)] ?? 'active',
          // Ties on purpose: many keys share an expiry day, so the id decides.
          expiresAt: random() < 0.3 ? null : inDays(Math.floor(random() * 20) - 5),
          unreadable: random() < 0.05 ? ['expiresAt'] : [],
          pinned: random() < 0.05,
        }),
      );
      const count = 1 + Math.floor(random() * 60);
      const expected = orderKeys(keys, NOW).slice(0, count);
      expect(firstKeys(keys, NOW, count, (k) => k.pinned)).toEqual(expected);
    }
  });
});
