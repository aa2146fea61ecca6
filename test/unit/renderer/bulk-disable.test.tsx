import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBulkDisable, type BulkState, type DisableOne } from '../../../renderer/bulk-disable.js';
import { DisableUnusedDialog } from '../../../renderer/components/disable-unused-dialog.js';
import { AnnouncerProvider } from '../../../renderer/hooks/use-announcer.js';
import { DISABLE_UNDO_MS } from '../../../renderer/hooks/use-pending-disables.js';
import { bridge, failed, ok } from './fake-bridge.js';
import { keyView, NOW } from './key-fixtures.js';

const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('turning unused keys off one by one', () => {
  const run = (
    ids: string[],
    disable: DisableOne & ReturnType<typeof vi.fn> = vi.fn(async (_id: string) => ({ ok: true as const })),
  ) => {
    const states: BulkState[] = [];
    const handle = startBulkDisable({ ids, disable, onChange: (s) => states.push(s) });
    return { states, handle, disable, last: () => states.at(-1) };
  };

  it('sends nothing during the Undo window, and nothing at all when undone', async () => {
    const { handle, disable, last } = run(['A', 'B']);
    expect(last()).toEqual({ phase: 'waiting', total: 2, secondsLeft: 5 });
    await vi.advanceTimersByTimeAsync(DISABLE_UNDO_MS - 100);
    expect(last()).toMatchObject({ phase: 'waiting', secondsLeft: 1 });
    expect(handle.undo()).toBe(true);
    await vi.advanceTimersByTimeAsync(DISABLE_UNDO_MS * 2);
    expect(disable).not.toHaveBeenCalled();
    expect(last()).toEqual({ phase: 'undone', total: 2 });
  });

  it('then turns keys off one at a time, with progress, and reports every failure with its reason', async () => {
    const answers: Record<string, () => Promise<{ ok: true } | { ok: false; error: { message: string } }>> = {
      A: async () => ({ ok: true }),
      B: async () => ({ ok: false, error: { message: 'B was left on: used yesterday.' } }),
      C: async () => {
        throw new Error('bridge down');
      },
      D: async () => ({ ok: true }),
    };
    let inFlight = 0;
    const disable = vi.fn(async (id: string) => {
      inFlight++;
      expect(inFlight).toBe(1); // never two at once
      const answer = await answers[id]?.().finally(() => inFlight--);
      return answer ?? { ok: true as const };
    });
    const { states, handle, last } = run(['A', 'B', 'C', 'D'], disable);
    await vi.advanceTimersByTimeAsync(DISABLE_UNDO_MS);
    expect(handle.undo()).toBe(false);
    expect(disable.mock.calls.map(([id]) => id)).toEqual(['A', 'B', 'C', 'D']);
    expect(states.filter((s) => s.phase === 'sending').map((s) => s.phase === 'sending' && s.done)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(last()).toEqual({
      phase: 'finished',
      total: 4,
      disabled: ['A', 'D'],
      failed: [
        { id: 'B', message: 'B was left on: used yesterday.' },
        { id: 'C', message: 'Keytray could not ask for this key to be turned off. Try again.' },
      ],
    });
  });

  it('stops sending and saying anything once stopped (the dialog went with its account)', async () => {
    const { handle, disable, states } = run(['A', 'B']);
    handle.stop();
    const seen = states.length;
    await vi.advanceTimersByTimeAsync(DISABLE_UNDO_MS * 2);
    expect(disable).not.toHaveBeenCalled();
    expect(states).toHaveLength(seen);
  });
});

describe('Disable unused keys (dialog)', () => {
  const unusedA = keyView({ name: 'Old CRM', hasSecret: false, createdAt: ago(400), lastUsedAt: ago(200) });
  const unusedB = keyView({ hasSecret: false, createdAt: ago(400), lastUsedAt: null });
  const held = keyView({ hasSecret: true, createdAt: ago(400), lastUsedAt: ago(300) });
  const unknown = keyView({
    hasSecret: false,
    createdAt: ago(400),
    lastUsedAt: null,
    unreadable: ['lastUsedAt'],
  });

  function open(onClose = vi.fn()) {
    render(
      <AnnouncerProvider>
        <DisableUnusedDialog
          ids={[unusedA.id, unusedB.id]}
          keys={[unusedA, unusedB, held, unknown]}
          now={NOW}
          days={90}
          accountKeyIds={['KEY0190AB12CD34EF56AB78CD90EFCONNECT']}
          onClose={onClose}
        />
      </AnnouncerProvider>,
    );
    return onClose;
  }

  it('lists the keys with their last use, and says what was left out and what Telnyx did not report', () => {
    open();
    const list = screen.getByRole('list', { name: 'Keys to disable' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`Old CRM ${unusedA.id}used 200 days ago`, ` ${unusedB.id}never used`]);
    expect(screen.getByText(/Left out: 1 key whose full key Keytray holds/)).toBeTruthy();
    expect(
      screen.getByText(/Telnyx did not say when 1 key was last used: it is never counted as unused/),
    ).toBeTruthy();
  });

  it('asks once, then counts down with Undo, then reports progress and failures', async () => {
    bridge.answer('keys.disableUnused', ({ id }) =>
      id === unusedA.id ? ok({ ...unusedA, status: 'inactive' }) : failed('rejected', 'Telnyx refused it.'),
    );
    open();
    await act(async () => screen.getByRole('button', { name: 'Disable 2 keys' }).click());
    expect(screen.getByText('Disabling 2 keys in 5 s')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }));
    expect(bridge.sent('keys.disableUnused')).toEqual([]);
    await act(async () => vi.advanceTimersByTimeAsync(DISABLE_UNDO_MS));
    expect(bridge.sent('keys.disableUnused')).toEqual([{ id: unusedA.id }, { id: unusedB.id }]);
    expect(screen.getByText('Disabled 1 of 2 keys.')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('1 key was not disabled:');
    expect(within(alert).getByRole('listitem').textContent).toBe(`${unusedB.id} — Telnyx refused it.`);
  });

  it.each(['Undo', 'Escape'])('%s in the window sends nothing and closes', async (how) => {
    const onClose = open();
    await act(async () => screen.getByRole('button', { name: 'Disable 2 keys' }).click());
    if (how === 'Undo') await act(async () => screen.getByRole('button', { name: 'Undo' }).click());
    else fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    await act(async () => vi.advanceTimersByTimeAsync(DISABLE_UNDO_MS * 2));
    expect(bridge.sent('keys.disableUnused')).toEqual([]);
    expect(onClose).toHaveBeenCalledWith('Undone: no key was disabled');
  });
});
