import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RenameKeyDialog } from '../../../renderer/components/rename-key-dialog.js';
import { bridge, failed, ok } from './fake-bridge.js';
import { keyView } from './key-fixtures.js';

const ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';

describe('Rename…', () => {
  it('saves the name typed, trimmed, and says so', async () => {
    bridge.answer('keys.rename', ({ name }) => ok(keyView({ id: ID, name })));
    const onClose = vi.fn();
    render(<RenameKeyDialog id={ID} name={null} onClose={onClose} />);
    expect(screen.getByRole('dialog', { name: `Rename ${ID}` })).toBeTruthy();
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), '  Zapier  ');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(`Named ${ID} “Zapier”`));
    expect(bridge.sent('keys.rename')).toEqual([{ id: ID, name: 'Zapier' }]);
  });

  it('an emptied name removes it', async () => {
    bridge.answer('keys.rename', () => ok(keyView({ id: ID })));
    const onClose = vi.fn();
    render(<RenameKeyDialog id={ID} name="Zapier" onClose={onClose} />);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Name' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith(`Removed the name of ${ID}`));
    expect(bridge.sent('keys.rename')).toEqual([{ id: ID, name: null }]);
  });

  it('a name main refuses stays in the dialog with the reason, and Save is usable again', async () => {
    bridge.answer('keys.rename', () => failed('invalid-input', 'Use letters, digits and punctuation only.'));
    const onClose = vi.fn();
    render(<RenameKeyDialog id={ID} name={null} onClose={onClose} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Zap');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Use letters, digits and punctuation only.');
    expect((screen.getByRole('button', { name: 'Save name' }) as HTMLButtonElement).disabled).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
  });
});
