import type { Attention, KeyList, KeyView } from '../../../electron/common/models.js';

/** The instant the renderer tests live at: main's clock, as `KeyList.now` carries it. */
export const NOW = new Date('2026-03-02T10:00:00.000Z');
const DAY = 86_400_000;
export const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

let serial = 0;
/** A key as main lists it: active, no expiry, secret held, unless `over` says otherwise. */
export function keyView(over: Partial<KeyView> = {}): KeyView {
  serial += 1;
  return {
    id: `KEY0190AB12CD34EF56AB78CD90EF${String(serial).padStart(6, '0')}`,
    userId: null,
    userEmail: null,
    status: 'active',
    statusWord: null,
    tags: [],
    expiresAt: null,
    lastUsedAt: null,
    createdAt: null,
    unreadable: [],
    hasSecret: true,
    unsaved: false,
    pinned: false,
    pinLabel: null,
    disableAt: null,
    name: null,
    ...over,
  };
}

export const NO_ATTENTION: Attention = { horizonDays: 30, keyIds: [], expiring: 0, expired: 0, snoozed: 0 };

export function keyList(keys: KeyView[], attention: Attention = NO_ATTENTION): KeyList {
  return { keys, attention, syncedAt: NOW.toISOString(), offline: false, now: NOW.toISOString() };
}
