import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyList } from '../../../renderer/components/key-list.js';
import type { KeyActions, KeyPermissions } from '../../../renderer/components/key-row.js';
import { AnnouncerProvider } from '../../../renderer/hooks/use-announcer.js';
import {
  DISABLE_UNDO_MS,
  PendingDisablesProvider,
  usePendingDisables,
} from '../../../renderer/hooks/use-pending-disables.js';
import { keyView, NOW } from './key-fixtures.js';

const permissions: KeyPermissions = {
  toggle: true,
  editTags: true,
  remove: true,
  connectedKeyId: 'KEY0190AB12CD34EF56AB78CD90EFCONNECT',
  accountKeyIds: ['KEY0190AB12CD34EF56AB78CD90EFCONNECT'],
  connectedUserId: null,
};

/** The list wired as the main view wires it: turning off starts the Undo window, on undoes it. */
function Harness(props: { keys: ReturnType<typeof keyView>[]; send: (id: string) => Promise<void> }) {
  const { start, undo } = usePendingDisables();
  const actions = new Proxy({} as KeyActions, {
    get: (_t, name) =>
      name === 'setEnabled'
        ? (id: string, enabled: boolean) => {
            if (enabled) undo(id);
            else start(id, () => props.send(id));
          }
        : () => {},
  });
  return (
    <KeyList
      keys={props.keys}
      now={NOW}
      horizonDays={30}
      actions={actions}
      permissions={permissions}
      onLeaveTop={() => {}}
    />
  );
}

function renderList(send: (id: string) => Promise<void>) {
  const key = keyView();
  const { unmount } = render(
    <AnnouncerProvider>
      <PendingDisablesProvider>
        <Harness keys={[key]} send={send} />
      </PendingDisablesProvider>
    </AnnouncerProvider>,
  );
  return { key, unmount };
}

beforeEach(() => vi.useFakeTimers());

/** "disabling in 5 s — Undo" loads the first time a key is switched off: let it. */
const statusLoaded = () =>
  act(async () => {
    await import('../../../renderer/components/pending-disable-status.js');
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
afterEach(() => vi.useRealTimers());

describe('disable with Undo', () => {
  it('shows "disabling in 5 s — Undo" and sends only when the window has passed', async () => {
    const send = vi.fn(async () => {});
    const { key } = renderList(send);
    const toggle = screen.getByRole('switch', { name: `Enabled ${key.id}` });
    act(() => toggle.click());
    await statusLoaded();
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const waiting = within(screen.getByRole('listitem')).getByRole('status');
    expect(waiting.textContent).toContain('disabling in 5 s');
    expect(within(waiting).getByRole('button', { name: `Undo disabling ${key.id}` })).toBeTruthy();
    act(() => vi.advanceTimersByTime(2_100));
    expect(waiting.textContent).toContain('disabling in 3 s');
    act(() => vi.advanceTimersByTime(DISABLE_UNDO_MS - 2_101));
    expect(send).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTime(1));
    expect(send).toHaveBeenCalledWith(key.id);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('Undo sends nothing, now or later, and says the key stays on', async () => {
    const send = vi.fn(async () => {});
    const { key } = renderList(send);
    act(() => screen.getByRole('switch', { name: `Enabled ${key.id}` }).click());
    await statusLoaded();
    act(() => screen.getByRole('button', { name: `Undo disabling ${key.id}` }).click());
    expect(screen.getByRole('switch', { name: `Enabled ${key.id}` }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(document.querySelector('[aria-live="polite"][role="status"]')?.textContent).toBe(
      `Undone: ${key.id} stays on`,
    );
    await act(async () => vi.advanceTimersByTime(DISABLE_UNDO_MS * 3));
    expect(send).not.toHaveBeenCalled();
  });

  it('a new account (the provider gone) drops a waiting disable unsent', async () => {
    const send = vi.fn(async () => {});
    const { key, unmount } = renderList(send);
    act(() => screen.getByRole('switch', { name: `Enabled ${key.id}` }).click());
    unmount();
    await act(async () => vi.advanceTimersByTime(DISABLE_UNDO_MS * 2));
    expect(send).not.toHaveBeenCalled();
  });
});
