import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../../electron/common/models.js';
import { RemoveAccountDialog } from '../../../renderer/components/account-dialogs.js';
import { AccountSwitcher } from '../../../renderer/components/account-switcher.js';
import { bridge, ok } from './fake-bridge.js';

const KEY = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
const HELD = 'KEY0000AAAA1111BBBB2222CCCC3333DDDD';
const account = (over: Partial<AccountSummary>): AccountSummary => ({
  id: 'u:user-owner-42',
  name: 'Production',
  mode: 'telnyx',
  keyId: KEY,
  active: false,
  unsavedKeyIds: [],
  ...over,
});
const ACCOUNTS = [
  account({ active: true }),
  account({ id: 'u:user-owner-7', name: 'Staging' }),
  account({ id: 'demo', name: 'Demo', mode: 'demo' }),
];

function renderSwitcher() {
  bridge.answer('account.list', () => ok(ACCOUNTS));
  const actions = { onSwitch: vi.fn(), onAdd: vi.fn(), onRename: vi.fn(), onRemove: vi.fn() };
  render(<AccountSwitcher name="Production" {...actions} />);
  return actions;
}

describe('the account switcher', () => {
  it('names the active account and lists every account, the active one checked, focus on it', async () => {
    renderSwitcher();
    const button = screen.getByRole('button', { name: 'Account: Production' });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    await userEvent.click(button);
    const items = await screen.findAllByRole('menuitemradio');
    expect(items.map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['✓Production', 'true'],
      ['Staging', 'false'],
      ['Demosimulated', 'false'],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Add account…',
      'Rename Production…',
      'Remove Production…',
    ]);
  });

  it('arrows move, Enter switches; Escape closes and gives focus back', async () => {
    const actions = renderSwitcher();
    await userEvent.click(screen.getByRole('button', { name: 'Account: Production' }));
    await screen.findAllByRole('menuitemradio');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(actions.onSwitch).toHaveBeenCalledWith('u:user-owner-7');
    expect(screen.queryByRole('menu')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Account: Production' }));
    await screen.findAllByRole('menuitemradio');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Account: Production' }));
  });

  it('choosing the active account does nothing; Add, Rename and Remove call theirs', async () => {
    const actions = renderSwitcher();
    const open = async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Account: Production' }));
      await screen.findAllByRole('menuitemradio');
    };
    await open();
    await userEvent.click(screen.getByRole('menuitemradio', { name: /Production/ }));
    expect(actions.onSwitch).not.toHaveBeenCalled();
    await open();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Add account…' }));
    await open();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Rename Production…' }));
    await open();
    await userEvent.click(screen.getByRole('menuitem', { name: 'Remove Production…' }));
    expect([actions.onAdd, actions.onRename, actions.onRemove].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
  });
});

describe('Remove «name»?', () => {
  it('lists the full keys only in memory with Copy before it removes, and says what goes', async () => {
    bridge.answer('account.list', () => ok([account({ active: true, unsavedKeyIds: [HELD] })]));
    bridge.answer('keys.copy', () => ok({ label: HELD, clearsInSeconds: 30 }));
    bridge.answer('account.remove', () => ok({ connected: false }));
    const onRemoved = vi.fn();
    render(
      <RemoveAccountDialog
        id="u:user-owner-42"
        name="Production"
        demo={false}
        onRemoved={onRemoved}
        onCancel={() => {}}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Remove Production?' });
    expect(dialog.textContent).toContain('its entries in the system keychain');
    await userEvent.click(await screen.findByRole('button', { name: `Copy ${HELD}` }));
    expect(bridge.sent('keys.copy')).toEqual([{ id: HELD, format: 'raw' }]);
    expect(dialog.textContent).toContain('only in memory and is lost when the account is removed');
    await userEvent.click(screen.getByRole('button', { name: 'Remove account' }));
    await waitFor(() => expect(onRemoved).toHaveBeenCalledWith({ connected: false }));
    expect(bridge.sent('account.remove')).toEqual([{ id: 'u:user-owner-42' }]);
  });
});
