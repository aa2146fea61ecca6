import { describe, expect, it } from 'vitest';
import { enterMayCopy, orderKeys } from '../../../renderer/key-order.js';
import { inDays, keyView, NOW } from './key-fixtures.js';

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
});
