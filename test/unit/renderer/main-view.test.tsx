import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bridge, ok } from './fake-bridge.js';
import { inDays, keyList, keyView } from './key-fixtures.js';
import { renderMainView, rowNames, said } from './render-main-view.js';

describe('main view: order, search and Enter', () => {
  it('lists pinned keys first, then working keys soonest to expire, then disabled, expired last', async () => {
    const keys = [
      keyView({ tags: ['expired'], status: 'expired', expiresAt: inDays(-2) }),
      keyView({ tags: ['never'] }),
      keyView({ tags: ['disabled'], status: 'inactive' }),
      keyView({ tags: ['soon'], expiresAt: inDays(3) }),
      keyView({ tags: ['pinned'], pinned: true }),
    ];
    await renderMainView({ list: keyList(keys) });
    expect(rowNames().map((name) => /tags (\w+)/.exec(name)?.[1])).toEqual([
      'pinned',
      'soon',
      'never',
      'disabled',
      'expired',
    ]);
  });

  it('Enter copies the first match that works: not a disabled, expired or soon-disabled key', async () => {
    const keys = [
      keyView({ tags: ['crm'], status: 'inactive' }),
      keyView({ tags: ['crm'], expiresAt: inDays(1), disableAt: inDays(1) }),
      keyView({ tags: ['crm'], status: 'expired', expiresAt: inDays(-1) }),
      keyView({ tags: ['crm'], expiresAt: inDays(20) }),
    ];
    bridge.answer('keys.copy', () => ok({ label: 'x', clearsInSeconds: 30 }));
    await renderMainView({ list: keyList(keys) });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'crm{Enter}');
    await waitFor(() => expect(bridge.sent('keys.copy')).toEqual([{ id: keys[3]?.id, format: 'raw' }]));
  });

  it('Enter with only keys that do not work says why, and copies nothing', async () => {
    await renderMainView({ list: keyList([keyView({ tags: ['crm'], status: 'inactive' })]) });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'crm{Enter}');
    expect(said()).toMatch(/^No working key matches: Enter skips disabled and expired keys/);
    expect(bridge.sent('keys.copy')).toEqual([]);
  });

  it('finds a key by the name given to it, and shows the name first', async () => {
    const named = keyView({ name: 'Zapier integration', tags: ['crm'] });
    await renderMainView({ list: keyList([keyView({ tags: ['billing'] }), named]) });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'zapier');
    expect(rowNames()).toEqual([
      expect.stringMatching(new RegExp(`^Zapier integration, ${named.id}, Active`)),
    ]);
  });

  it('starts clean each time the popup shows: search, tags and filters from last time are gone', async () => {
    await renderMainView({ list: keyList([keyView({ tags: ['crm'] }), keyView({ tags: ['billing'] })]) });
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await userEvent.type(search, 'crm');
    await userEvent.click(screen.getByRole('button', { name: 'Tag billing' }));
    expect(screen.getByText('No key matches.')).toBeTruthy();
    act(() => bridge.emit('popup.shown', { view: 'main' }));
    expect((search as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Tag billing' }).getAttribute('aria-pressed')).toBe('false');
    expect(rowNames()).toHaveLength(2);
  });

  it("opened from a reminder, shows the reminder's keys soonest first, and keeps that filter", async () => {
    const later = keyView({ expiresAt: inDays(20) });
    const sooner = keyView({ expiresAt: inDays(2) });
    await renderMainView({ list: keyList([later, sooner, keyView()]) });
    act(() => {
      bridge.emit('popup.shown', { view: 'main' });
      bridge.emit('notification.clicked', { keyIds: [later.id, sooner.id] });
    });
    expect(screen.getByText('Showing 2 keys from the reminder.')).toBeTruthy();
    expect(rowNames().map((name) => name.split(',')[0])).toEqual([sooner.id, later.id]);
  });
});

describe('main view: pins', () => {
  it('pinning a key whose full key Keytray lacks says it cannot be copied from the tray menu', async () => {
    const key = keyView({ hasSecret: false });
    bridge.answer('keys.pin', ({ pinned }) => ok({ ...key, pinned }));
    await renderMainView({ list: keyList([key]) });
    await userEvent.click(screen.getByRole('button', { name: `Pin ${key.id}` }));
    await waitFor(() =>
      expect(said()).toBe(
        `Pinned ${key.id} to the top of the list. It can't be copied from the tray menu until Keytray holds its full key: use "Save the full key".`,
      ),
    );
  });

  it('pinning a key Keytray holds says it is in the tray menu', async () => {
    const key = keyView();
    bridge.answer('keys.pin', ({ pinned }) => ok({ ...key, pinned }));
    await renderMainView({ list: keyList([key]) });
    await userEvent.click(screen.getByRole('button', { name: `Pin ${key.id}` }));
    await waitFor(() => expect(said()).toBe(`Pinned ${key.id} to the tray menu`));
  });
});

describe('main view: what needs attention', () => {
  const soon = keyView({ expiresAt: inDays(3) });
  const gone = keyView({ status: 'expired', expiresAt: inDays(-1) });
  const attention = { horizonDays: 30, keyIds: [gone.id, soon.id], expiring: 1, expired: 1, snoozed: 0 };

  it('the banner counts by the one rule and names its horizon; Show lists those keys', async () => {
    await renderMainView({ list: keyList([keyView(), soon, gone], attention) });
    const banner = screen.getByText(/keys need attention/).closest('[role="status"]') as HTMLElement;
    expect(banner.textContent).toMatch(
      /^2 keys need attention: 1 expires within 30 days, 1 expired in the last 7 days\./,
    );
    await userEvent.click(within(banner).getByRole('button', { name: 'Show' }));
    expect(rowNames()).toHaveLength(2);
    expect(screen.getByText('Showing the 2 keys that need attention.')).toBeTruthy();
  });

  it('snoozes from the banner: each key, until the next reminder, said as done', async () => {
    bridge.answer('reminders.snooze', () => ok([]));
    await renderMainView({ list: keyList([soon, gone], attention) });
    await userEvent.click(screen.getByRole('button', { name: 'Snooze reminders for 2 keys' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Snooze until the next reminder' }));
    await waitFor(() => expect(said()).toBe('2 reminders snoozed until the next reminder'));
    expect(bridge.sent('reminders.snooze')).toEqual([
      { keyId: gone.id, until: 'next-lead-time' },
      { keyId: soon.id, until: 'next-lead-time' },
    ]);
  });

  it('no banner when nothing needs attention (say, all snoozed)', async () => {
    await renderMainView({
      list: keyList([soon], { horizonDays: 30, keyIds: [], expiring: 0, expired: 0, snoozed: 1 }),
    });
    expect(screen.queryByText(/need attention|expires? within/)).toBeNull();
  });
});
