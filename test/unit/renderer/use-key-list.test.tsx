import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_KEYS } from '../../../electron/common/channels.js';
import type { KeyList } from '../../../electron/common/models.js';
import {
  connectedWith,
  heardOfAccount,
  useKeyList,
  whileConnecting,
} from '../../../renderer/hooks/use-bridge-data.js';
import { bridge } from './fake-bridge.js';
import { keyList, keyView } from './key-fixtures.js';

const ids = (list: KeyList | null) => list?.keys.map((k) => k.id) ?? [];
const FIRST = { first: FIRST_SCREEN_KEYS };

/**
 * Main's side: asked with `first`, the first screen (its first key, and how many there are); asked with
 * `since: 1`, what changed by revision 2; otherwise the whole list at revision 1. `wholeAnswers` holds the
 * whole list's answers back until released, so a test sees what shows meanwhile.
 */
function mainWith(whole: KeyList, changes: KeyList, wholeAnswers?: Promise<void>) {
  bridge.answer('keys.list', async (request) => {
    if (request?.first !== undefined) {
      return {
        ok: true,
        value: { ...whole, keys: whole.keys.slice(0, 1), revision: undefined, total: whole.keys.length },
      };
    }
    if (request?.since === 1) return { ok: true, value: changes };
    await wholeAnswers;
    return { ok: true, value: whole };
  });
}

describe('the popup’s key list: a first screen, the whole list, then only what changed', () => {
  const a = keyView();
  const b = keyView();
  const whole = { ...keyList([a, b]), revision: 1 };

  it('shows the first screen, saying how long the list is, until the whole list has come', async () => {
    let release = () => {};
    mainWith(whole, keyList([]), new Promise<void>((resolve) => (release = resolve)));
    const { result } = renderHook(() => useKeyList());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id]));
    expect(result.current[0]?.total).toBe(2);
    expect(bridge.sent('keys.list')).toEqual([FIRST, undefined]);
    act(() => release());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    expect(result.current[0]?.total).toBeUndefined();
  });

  it('the first screen the Connect answer brought is in the first render, and not asked for', async () => {
    let release = () => {};
    mainWith(whole, keyList([]), new Promise<void>((resolve) => (release = resolve)));
    connectedWith({ ...whole, keys: [a], revision: undefined, total: 2 });
    // The news of the account, in whichever order it comes, asks for nothing more.
    heardOfAccount(true);
    const { result } = renderHook(() => useKeyList());
    expect(ids(result.current[0])).toEqual([a.id]);
    expect(result.current[0]?.total).toBe(2);
    act(() => release());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    expect(bridge.sent('keys.list')).toEqual([undefined]);
  });

  it('news of the account while the Connect answer is on its way asks for nothing: the answer brings it', async () => {
    mainWith(whole, keyList([]));
    let answer = (_value: string) => {};
    const connecting = whileConnecting(new Promise<string>((resolve) => (answer = resolve)));
    // Electron sends the news before the answer.
    heardOfAccount(true);
    expect(bridge.sent('keys.list')).toEqual([]);
    answer('connected');
    await connecting;
    connectedWith({ ...whole, keys: [a], revision: undefined, total: 2 });
    const { result } = renderHook(() => useKeyList());
    expect(ids(result.current[0])).toEqual([a.id]);
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    expect(bridge.sent('keys.list')).toEqual([undefined]);
  });

  it('a Connect answer without a first screen (the demo) has it asked for at once, before the list mounts', async () => {
    mainWith(whole, keyList([]));
    connectedWith(undefined);
    expect(bridge.sent('keys.list')).toEqual([FIRST]);
    const { result } = renderHook(() => useKeyList());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    expect(bridge.sent('keys.list')).toEqual([FIRST, undefined]);
  });

  it('after main says keys changed, it asks since the revision it holds and keeps the rest', async () => {
    const retagged = { ...b, tags: ['eu'] };
    mainWith(whole, { ...keyList([retagged]), revision: 2, changedSince: 1 });
    const { result } = renderHook(() => useKeyList());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    const kept = result.current[0]?.keys[0];
    act(() => bridge.emit('keys.changed', {}));
    await waitFor(() => expect(result.current[0]?.keys[1]?.tags).toEqual(['eu']));
    expect(bridge.sent('keys.list')).toEqual([FIRST, undefined, { since: 1 }]);
    expect(result.current[0]?.keys[0]).toBe(kept);
  });

  it('a first screen asked for when an account was announced serves the key list that mounts next, not one already showing', async () => {
    mainWith(whole, { ...keyList([]), revision: 2, changedSince: 1, order: [a.id] });
    heardOfAccount(true);
    const { result } = renderHook(() => useKeyList());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    // The prefetched first screen, then the whole list: nothing asked twice.
    expect(bridge.sent('keys.list')).toEqual([FIRST, undefined]);

    // Announced again while this list shows (the preview's answers and events can arrive in either order):
    // that first screen is older than what a later change brings, and must not bring b back.
    heardOfAccount(true);
    act(() => bridge.emit('keys.changed', {}));
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids(result.current[0])).toEqual([a.id]);
  });
});
