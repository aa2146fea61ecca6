import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../../electron/core/tray-model/tray-model.js';

const now = new Date('2026-03-02T10:00:00Z');
const key = (
  id: string,
  over: Partial<{
    tags: string[];
    status: 'active' | 'inactive' | 'expired';
    expiresAt: string | null;
    hasSecret: boolean;
  }> = {},
) => ({
  id,
  tags: [],
  status: 'active' as const,
  expiresAt: null,
  hasSecret: true,
  ...over,
});

describe('tray model', () => {
  it('is calm when nothing expires', () => {
    const model = buildTrayModel({
      keys: [key('KEY0000AAAA1111')],
      tokens: [],
      pins: [],
      now,
      connected: true,
    });
    expect(model.tooltip).toBe('Keytray');
    expect(model.icon).toBe('normal');
    expect(model.menu.map((i) => i.kind)).toEqual(['open', 'sync', 'settings', 'quit']);
  });

  it('counts keys expiring within a week and expired ones, ignoring disabled keys', () => {
    const model = buildTrayModel({
      keys: [
        key('KEY1', { expiresAt: '2026-03-05T00:00:00Z' }),
        key('KEY2', { expiresAt: '2026-03-08T00:00:00Z' }),
        key('KEY3', { expiresAt: '2026-03-05T00:00:00Z', status: 'inactive' }),
        key('KEY4', { expiresAt: '2026-02-01T00:00:00Z', status: 'expired' }),
        key('KEY5', { expiresAt: '2026-06-01T00:00:00Z' }),
      ],
      tokens: [],
      pins: [],
      now,
      connected: true,
    });
    expect(model.tooltip).toBe('Keytray — 2 keys expire soon, 1 key has expired');
    expect(model.icon).toBe('attention');
  });

  it('lists pinned keys with a secret and pinned tokens as Copy items, with default and chosen labels', () => {
    const model = buildTrayModel({
      keys: [
        key('KEY0190AB12CD34EF56AB78CD90EF12AB34', { tags: ['prod', 'sms'] }),
        key('KEY9999NOSECRET0000', { hasSecret: false }),
      ],
      tokens: [{ id: 't1', name: 'Billing' }],
      pins: [
        { kind: 'key', id: 'KEY0190AB12CD34EF56AB78CD90EF12AB34', label: null },
        { kind: 'key', id: 'KEY9999NOSECRET0000', label: null },
        { kind: 'token', id: 't1', label: 'Old billing' },
      ],
      now,
      connected: true,
    });
    expect(model.menu.filter((i) => i.kind === 'copy').map((i) => 'label' in i && i.label)).toEqual([
      'Copy prod …AB34',
      'Copy Old billing',
    ]);
  });
});
