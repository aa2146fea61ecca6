import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../electron/common/models.js';
import { SettingsDialog } from '../../../renderer/components/settings-dialog.js';
import { failed, ok } from './fake-bridge.js';

function renderSettings(
  update = vi.fn(async (patch: Partial<Preferences>) => ok({ ...DEFAULT_PREFERENCES, ...patch })),
) {
  render(
    <SettingsDialog
      preferences={DEFAULT_PREFERENCES}
      update={update}
      onDisconnect={() => {}}
      onAddAccount={() => {}}
      onCheckCompatibility={() => {}}
      onExport={() => {}}
      onClose={() => {}}
    />,
  );
  return { update, field: screen.getByRole('textbox', { name: 'Global shortcut' }) as HTMLInputElement };
}

describe('Settings: the global shortcut', () => {
  it('is shown in words people read, not as an Electron accelerator', () => {
    const { field } = renderSettings();
    expect(field.value).toBe('Ctrl+Shift+K');
  });

  it('is recorded by pressing it, and saved once the combination is whole', async () => {
    const { field, update } = renderSettings();
    fireEvent.keyDown(field, { key: 'Control', code: 'ControlLeft', ctrlKey: true });
    expect(field.value).toBe('Ctrl+…');
    fireEvent.keyDown(field, { key: 'Alt', code: 'AltLeft', ctrlKey: true, altKey: true });
    fireEvent.keyDown(field, { key: 'j', code: 'KeyJ', ctrlKey: true, altKey: true });
    await waitFor(() => expect(update).toHaveBeenCalledWith({ globalShortcut: 'CommandOrControl+Alt+J' }));
  });

  it('Backspace turns it off; a letter alone is refused with the reason', async () => {
    const { field, update } = renderSettings();
    fireEvent.keyDown(field, { key: 'k', code: 'KeyK' });
    expect(screen.getByText(/Hold Ctrl, Alt or Shift too/)).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
    fireEvent.keyDown(field, { key: 'Backspace', code: 'Backspace' });
    await waitFor(() => expect(update).toHaveBeenCalledWith({ globalShortcut: '' }));
  });

  it('a shortcut another app holds is refused in plain words, in the dialog', async () => {
    const update = vi.fn(async () => failed('rejected', 'Another app already uses that shortcut.'));
    const { field } = renderSettings(update);
    fireEvent.keyDown(field, { key: 'F9', code: 'F9' });
    expect((await screen.findByRole('alert')).textContent).toBe('Another app already uses that shortcut.');
  });

  it('keeps its words plain: no accelerator spelling anywhere', () => {
    renderSettings();
    expect(document.body.textContent).not.toMatch(/CommandOrControl/);
  });
});
