import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KeyList } from '../../../electron/common/models.js';
import { prefetchKeyList, useKeyList } from '../../../renderer/hooks/use-bridge-data.js';
import { bridge } from './fake-bridge.js';
import { keyList, keyView } from './key-fixtures.js';

const ids = (list: KeyList | null) => list?.keys.map((k) => k.id) ?? [];

/** Main's side: the whole list at revision 1, and (asked since 1) what changed by revision 2. */
function mainWith(whole: KeyList, changes: KeyList) {
  bridge.answer('keys.list', (request) =>
    request?.since === 1 ? { ok: true, value: changes } : { ok: true, value: whole },
  );
}

describe('the popup’s key list: the whole list once, then only what changed', () => {
  const a = keyView();
  const b = keyView();
  const whole = { ...keyList([a, b]), revision: 1 };

  it('after main says keys changed, it asks since the revision it holds and keeps the rest', async () => {
    const retagged = { ...b, tags: ['eu'] };
    mainWith(whole, { ...keyList([retagged]), revision: 2, changedSince: 1 });
    const { result } = renderHook(() => useKeyList());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    const kept = result.current[0]?.keys[0];
    act(() => bridge.emit('keys.changed', {}));
    await waitFor(() => expect(result.current[0]?.keys[1]?.tags).toEqual(['eu']));
    expect(bridge.sent('keys.list')).toEqual([undefined, { since: 1 }]);
    expect(result.current[0]?.keys[0]).toBe(kept);
  });

  it('a list asked for when an account was announced serves the key list that mounts next, not one already showing', async () => {
    mainWith(whole, { ...keyList([]), revision: 2, changedSince: 1, order: [a.id] });
    prefetchKeyList();
    const { result } = renderHook(() => useKeyList());
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id, b.id]));
    expect(bridge.sent('keys.list')).toHaveLength(1);

    // Announced again while this list shows (the preview's answers and events can arrive in either order):
    // that whole list is older than what a later change brings, and must not bring b back.
    prefetchKeyList();
    act(() => bridge.emit('keys.changed', {}));
    await waitFor(() => expect(ids(result.current[0])).toEqual([a.id]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids(result.current[0])).toEqual([a.id]);
  });
});
