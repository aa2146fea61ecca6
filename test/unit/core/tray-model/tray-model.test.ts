import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../../electron/core/tray-model/tray-model.js';
import { attentionOf } from '../../../../electron/core/reminders/attention.js';

const now = new Date('2026-03-02T10:00:00Z');
const key = (
  id: string,
  over: Partial<{
    tags: string[];
    status: 'active' | 'inactive' | 'expired';
    expiresAt: string | null;
    hasSecret: boolean;
    name: string | null;
  }> = {},
) => ({
  id,
  tags: [],
  status: 'active' as const,
  expiresAt: null,
  hasSecret: true,
  ...over,
});

/** The tray as the core draws it: the attention count by the one rule, over the same keys. */
function model(
  keys: ReturnType<typeof key>[],
  options: {
    leadDays?: number[];
    snoozedUntil?: Record<string, string>;
    pins?: Parameters<typeof buildTrayModel>[0]['pins'];
  } = {},
) {
  return buildTrayModel({
    keys,
    tokens: [],
    pins: options.pins ?? [],
    attention: attentionOf({
      keys,
      now,
      leadDays: options.leadDays ?? [30, 7, 1, 0],
      snoozedUntil: options.snoozedUntil ?? {},
    }),
    connected: true,
  });
}

describe('tray model', () => {
  it('is calm when nothing needs attention', () => {
    const calm = model([key('KEY0000AAAA1111')]);
    expect(calm.tooltip).toBe('Keytray');
    expect(calm.icon).toBe('normal');
    expect(calm.badge).toBe(0);
  });

  it('counts by the one rule and names its horizon: within the longest lead time, or expired in the last 7 days', () => {
    const keys = [
      key('KEY1', { expiresAt: '2026-03-05T00:00:00Z' }),
      key('KEY2', { expiresAt: '2026-03-30T00:00:00Z' }),
      key('KEY3', { expiresAt: '2026-03-05T00:00:00Z', status: 'inactive' }),
      key('KEY4', { expiresAt: '2026-02-27T00:00:00Z', status: 'expired' }),
      // Expired long ago: listed in the popup, but news no more.
      key('KEY5', { expiresAt: '2026-01-01T00:00:00Z', status: 'expired' }),
      key('KEY6', { expiresAt: '2026-06-01T00:00:00Z' }),
    ];
    const withDefaults = model(keys);
    expect(withDefaults.tooltip).toBe(
      'Keytray — 3 keys need attention: 2 expire within 30 days, 1 expired in the last 7 days',
    );
    expect(withDefaults.badge).toBe(3);
    expect(withDefaults.icon).toBe('attention');

    // Remind me only 7 days before: the horizon follows, and the words say so.
    const week = model(keys, { leadDays: [7] });
    expect(week.tooltip).toBe(
      'Keytray — 2 keys need attention: 1 expires within 7 days, 1 expired in the last 7 days',
    );
    expect(week.badge).toBe(2);
  });

  it('leaves snoozed keys out until the snooze ends', () => {
    const keys = [key('KEY1', { expiresAt: '2026-03-05T00:00:00Z' })];
    expect(model(keys, { snoozedUntil: { KEY1: '2026-03-03T10:00:00Z' } }).badge).toBe(0);
    expect(model(keys, { snoozedUntil: { KEY1: '2026-03-01T10:00:00Z' } }).badge).toBe(1);
  });

  it('lists pinned keys with a secret and pinned tokens as Copy items, with names, default and chosen labels', () => {
    const built = buildTrayModel({
      keys: [
        key('KEY0190AB12CD34EF56AB78CD90EF12AB34', { tags: ['prod', 'sms'] }),
        key('KEY0190AB12CD34EF56AB78CD90EF12AB99', { tags: ['prod'], name: 'Zapier' }),
        key('KEY9999NOSECRET0000', { hasSecret: false }),
      ],
      tokens: [{ id: 't1', name: 'Billing' }],
      pins: [
        { kind: 'key', id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', label: null },
        { kind: 'key', id: 'KEY0190AB12CD34EF56AB78CD90EF12AB99', label: null },
        { kind: 'key', id: 'KEY9999NOSECRET0000', label: null },
        { kind: 'token', id: 't1', label: 'Old billing' },
      ],
      attention: null,
      connected: true,
    });
    expect(built.menu.filter((i) => i.kind === 'copy').map((i) => 'label' in i && i.label)).toEqual([
      'Copy prod …AB34',
      'Copy Zapier',
      'Copy Old billing',
    ]);
    expect(built.menu.some((i) => i.kind === 'hint')).toBe(false);
  });

  it('before anything is pinned, says how to pin; with pins it cannot copy, says why', () => {
    const none = model([key('KEY1')]);
    expect(none.menu.map((i) => ('label' in i ? i.label : i.kind))).toEqual([
      'Open Keytray',
      'separator',
      'Pin a key or token in Keytray to copy it from here',
      'separator',
      'Sync now',
      'Settings…',
      'Quit',
    ]);
    const noSecret = model([key('KEY1', { hasSecret: false })], {
      pins: [{ kind: 'key', id: 'KEY1', label: null }],
    });
    expect(noSecret.menu.find((i) => i.kind === 'hint')).toEqual({
      kind: 'hint',
      label: 'Pinned keys show here once Keytray holds their full key',
    });
    const disconnected = buildTrayModel({
      keys: [],
      tokens: [],
      pins: [],
      attention: null,
      connected: false,
    });
    expect(disconnected.menu.map((i) => i.kind)).toEqual(['open', 'sync', 'settings', 'quit']);
    expect(disconnected.tooltip).toBe('Keytray — not connected');
  });
});
