import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TokenView } from '../../../electron/common/models.js';
import { TokensView } from '../../../renderer/components/tokens-view.js';
import { AnnouncerProvider } from '../../../renderer/hooks/use-announcer.js';
import { bridge, failed, ok } from './fake-bridge.js';

const token: TokenView = {
  id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f',
  name: 'Billing reports for the finance team in Europe',
  email: 'finance.operations.europe@example-enterprise.com',
  createdAt: '2026-03-01T10:00:00.000Z',
  pinned: false,
  pinLabel: null,
};

function renderTokens(hideAfterCopy: boolean) {
  bridge.answer('tokens.copy', () => ok({ label: token.name, clearsInSeconds: 30 }));
  bridge.answer('popup.hide', () => ok({}));
  render(
    <AnnouncerProvider>
      <TokensView tokens={[token]} query="" hideAfterCopy={hideAfterCopy} />
    </AnnouncerProvider>,
  );
}

describe('V1 tokens', () => {
  it('the headers button says it copies; Copy hides the popup as a key Copy does, headers stay like Copy as…', async () => {
    renderTokens(true);
    const headers = screen.getByRole('button', { name: `Copy headers ${token.name}` });
    expect(headers.textContent).toBe('Copy headers');
    await userEvent.click(headers);
    await waitFor(() => expect(bridge.sent('tokens.copy')).toHaveLength(1));
    expect(bridge.sent('popup.hide')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: `Copy ${token.name}` }));
    await waitFor(() => expect(bridge.sent('popup.hide')).toHaveLength(1));
    expect(bridge.sent('tokens.copy')).toEqual([
      { id: token.id, format: 'headers' },
      { id: token.id, format: 'token' },
    ]);
  });

  it('with "Hide after copy" off, the popup stays', async () => {
    renderTokens(false);
    await userEvent.click(screen.getByRole('button', { name: `Copy ${token.name}` }));
    await waitFor(() => expect(bridge.sent('tokens.copy')).toHaveLength(1));
    expect(bridge.sent('popup.hide')).toHaveLength(0);
  });

  it('a long name and e-mail are shown whole on hover, in their own column beside the buttons', () => {
    renderTokens(true);
    expect(screen.getByTitle(token.name).closest('.token-main')).toBeTruthy();
    expect(screen.getByTitle(token.email).closest('.token-main')).toBeTruthy();
  });

  it('Add V1 token explains each field, and keeps the dialog open with the plain error on a refusal', async () => {
    bridge.answer('tokens.add', () =>
      failed('invalid-input', 'Enter the e-mail address of the Telnyx account.'),
    );
    renderTokens(true);
    await userEvent.click(screen.getByRole('button', { name: 'Add token' }));
    const dialog = screen.getByRole('dialog', { name: 'Add V1 token' });
    const description = (label: string) => {
      const field = screen.getByLabelText(label);
      return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    };
    expect(description('Name')).toMatch(/to find it again/);
    expect(description('Account email')).toMatch(/sign in to Telnyx with/);
    expect(description('Token')).toMatch(/V1 API token from Mission Control/);
    await userEvent.type(screen.getByLabelText('Name'), 'Ops');
    await userEvent.type(screen.getByLabelText('Account email'), 'ops@example.com');
    await userEvent.type(screen.getByLabelText('Token'), 'abcdefghijklmnopqrstuv');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter the e-mail address of the Telnyx account.',
    );
    expect(dialog.hasAttribute('open')).toBe(true);
  });
});
