import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../../electron/core/tray-model/tray-model.js';

const KEY = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
const base = {
  keys: [{ id: KEY, tags: ['prod'], status: 'active' as const, expiresAt: null, hasSecret: true }],
  tokens: [],
  pins: [{ kind: 'key' as const, id: KEY, label: null }],
  attention: null,
  connected: true,
};
const accounts = [
  { id: 'u:user-owner-42', name: 'Production', active: true },
  { id: 'u:user-owner-7', name: 'Staging', active: false },
];

describe('tray model with several accounts', () => {
  it('one account: no account items and no headings (the menu as before)', () => {
    const model = buildTrayModel({ ...base, accounts: accounts.slice(0, 1) });
    expect(model.menu.map((i) => i.kind)).toEqual([
      'open',
      'separator',
      'copy',
      'separator',
      'sync',
      'settings',
      'quit',
    ]);
  });

  it('lists every account (the active one checked), then each account’s pinned items under its name', () => {
    const model = buildTrayModel({
      ...base,
      accounts,
      otherPins: [
        {
          accountId: 'u:user-owner-7',
          name: 'Staging',
          items: [
            { label: 'billing bot', target: { kind: 'key', id: 'KEY0000AAAA1111BBBB2222CCCC3333DDDD' } },
            { label: 'Legacy v1', target: { kind: 'token', id: 't-1' } },
          ],
        },
      ],
    });
    expect(model.menu.map((i) => ('label' in i ? i.label : '—'))).toEqual([
      'Open Keytray',
      '—',
      'Production',
      'Staging',
      '—',
      'Production',
      'Copy prod …AB34',
      'Staging',
      'Copy billing bot',
      'Copy Legacy v1',
      '—',
      'Sync now',
      'Settings…',
      'Quit',
    ]);
    expect(model.menu.filter((i) => i.kind === 'account')).toEqual([
      { kind: 'account', label: 'Production', accountId: 'u:user-owner-42', active: true },
      { kind: 'account', label: 'Staging', accountId: 'u:user-owner-7', active: false },
    ]);
    expect(model.menu.filter((i) => i.kind === 'heading').map((i) => i.label)).toEqual([
      'Production',
      'Staging',
    ]);
    // Another account's item says which account it copies from; the active one's needs not.
    const copies = model.menu.filter((i) => i.kind === 'copy');
    expect(copies.map((i) => i.kind === 'copy' && i.target.account)).toEqual([
      undefined,
      'u:user-owner-7',
      'u:user-owner-7',
    ]);
  });

  it('an account with nothing to copy gets no heading; names with control characters are shown cleaned', () => {
    const model = buildTrayModel({
      ...base,
      pins: [],
      accounts: [accounts[0] as (typeof accounts)[number], { id: 'demo', name: 'De\u202emo', active: false }],
      otherPins: [{ accountId: 'demo', name: 'Demo', items: [] }],
    });
    expect(model.menu.filter((i) => i.kind === 'heading')).toEqual([]);
    expect(model.menu.find((i) => i.kind === 'account' && !i.active)).toMatchObject({ label: 'De\ufffdmo' });
    // The active account's own hint stays.
    expect(model.menu.some((i) => i.kind === 'hint')).toBe(true);
  });
});
