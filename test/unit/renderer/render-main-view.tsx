import { render, screen, within } from '@testing-library/react';
import type { AccountStatus, KeyList, Preferences, TokenView } from '../../../electron/common/models.js';
import { DEFAULT_PREFERENCES } from '../../../electron/common/models.js';
import { MainView } from '../../../renderer/components/main-view.js';
import { AnnouncerProvider } from '../../../renderer/hooks/use-announcer.js';
import { PendingDisablesProvider } from '../../../renderer/hooks/use-pending-disables.js';
import { bridge, ok } from './fake-bridge.js';

export const CONNECTED: Extract<AccountStatus, { connected: true }> = {
  connected: true,
  mode: 'demo',
  keyId: 'KEY0190AB12CD34EF56AB78CD90EFCONNECT',
  capabilities: { isOwner: true, editTags: 'available', listOwn: 'unknown', deleteOwn: 'unknown' },
  portalUrl: 'https://portal.telnyx.com/#/app/api-keys',
  accountId: 'demo',
  name: 'Demo',
  accountCount: 1,
  accountKeyIds: [],
};

/**
 * The main view as the app mounts it (announcer, pending disables), with main answering the list, tokens and
 * preferences given. Resolves once the list is drawn (or says it is empty).
 */
export async function renderMainView(options: {
  list: KeyList;
  tokens?: TokenView[];
  preferences?: Partial<Preferences>;
}) {
  bridge.answer('keys.list', () => ok(options.list));
  bridge.answer('tokens.list', () => ok(options.tokens ?? []));
  bridge.answer('settings.get', () => ok({ ...DEFAULT_PREFERENCES, ...options.preferences }));
  bridge.answer('account.status', () => ok(CONNECTED));
  bridge.answer('popup.hide', () => ok({}));
  const view = render(
    <AnnouncerProvider>
      <PendingDisablesProvider>
        <MainView status={CONNECTED} onStatus={() => {}} onSwitchAccount={() => {}} onAddAccount={() => {}} />
      </PendingDisablesProvider>
    </AnnouncerProvider>,
  );
  if (options.list.keys.length > 0) await screen.findByRole('list', { name: 'API keys' });
  else await screen.findByText(/No keys yet/);
  return view;
}

/** The rows of the key list, by their accessible names, in order. */
export const rowNames = () =>
  within(screen.getByRole('list', { name: 'API keys' }))
    .getAllByRole('listitem')
    .map((row) => row.getAttribute('aria-label') ?? '');

/** The live region's text (what a screen reader hears). */
export const said = () => document.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';
