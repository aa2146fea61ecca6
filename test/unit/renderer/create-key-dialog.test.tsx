import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KeyCreated } from '../../../electron/common/models.js';
import { CreateKeyDialog, earliestCustomExpiry } from '../../../renderer/components/create-key-dialog.js';
import { bridge, ok } from './fake-bridge.js';
import { keyView } from './key-fixtures.js';

function created(tags: string[]): KeyCreated {
  const key = keyView({ tags });
  return {
    key,
    saved: true,
    message: 'Saved in your system keychain.',
    requested: { tags, expiresAt: null },
    unconfirmed: [],
    notApplied: null,
    canDisableOnExpiry: false,
  };
}

const renderDialog = () =>
  render(<CreateKeyDialog suggestions={['prod']} canDisableKeys={true} onClose={() => {}} />);

describe('Create API key', () => {
  it('a tag typed but not confirmed with Enter is sent with the key', async () => {
    bridge.answer('keys.create', (request) => ok(created(request.tags)));
    renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Tags' }), 'crm{Enter}zapier');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(bridge.sent('keys.create').map((r) => r.tags)).toEqual([['crm', 'zapier']]);
    expect(await screen.findByRole('dialog', { name: 'Key created' })).toBeTruthy();
  });

  it('a typed tag that breaks the rules stops Create and says why', async () => {
    renderDialog();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Tags' }), 'x'.repeat(65));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('alert').textContent).toBe('A tag can be at most 64 characters long.');
    expect(bridge.sent('keys.create')).toEqual([]);
  });

  it('Key created opens on Copy key and says the id is only a name', async () => {
    bridge.answer('keys.create', (request) => ok(created(request.tags)));
    renderDialog();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    const dialog = await screen.findByRole('dialog', { name: 'Key created' });
    expect(document.activeElement?.textContent).toBe('Copy key');
    expect(dialog.textContent).toContain('it does not work in place of the key');
  });

  it('the custom date starts tomorrow, in the person’s own calendar', () => {
    expect(earliestCustomExpiry(new Date(2026, 10, 1, 0, 30))).toBe('2026-11-02');
    expect(earliestCustomExpiry(new Date(2026, 11, 31, 23, 59))).toBe('2027-01-01');
  });
});
