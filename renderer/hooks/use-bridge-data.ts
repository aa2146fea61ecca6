import { useCallback, useEffect, useState } from 'react';
import type { KeyList, Preferences, TokenView } from '../../electron/common/models.js';
import type { Result } from '../../electron/common/result.js';
import { keytray } from '../bridge.js';

/** Data from main that changes when main says so (`keys.changed`): fetched, then refetched on the event. */
function useLiveResult<T>(load: () => Promise<Result<T>>): [T | null, () => Promise<void>] {
  const [value, setValue] = useState<T | null>(null);
  const refresh = useCallback(async () => {
    const result = await load();
    if (result.ok) setValue(result.value);
  }, [load]);
  useEffect(() => {
    void refresh();
    // Fresh when main says something changed, and each time the popup opens (expiry words age).
    const offChanged = keytray.on('keys.changed', () => void refresh());
    const offShown = keytray.on('popup.shown', () => void refresh());
    return () => (offChanged(), offShown());
  }, [refresh]);
  return [value, refresh];
}

/** Marks when the list's data arrived; KeyList marks when it is painted (test/bench measures the gap). */
const loadKeys = async () => {
  const result = await keytray.keys.list();
  performance.mark('keytray:keys-data');
  return result;
};
const loadTokens = () => keytray.tokens.list();

export const useKeyList = (): [KeyList | null, () => Promise<void>] => useLiveResult(loadKeys);
export const useTokens = (): [TokenView[] | null, () => Promise<void>] => useLiveResult(loadTokens);

export function usePreferences() {
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  useEffect(() => {
    void keytray.settings.get().then((r) => r.ok && setPreferences(r.value));
  }, []);
  const update = useCallback(async (patch: Partial<Preferences>) => {
    const result = await keytray.settings.set(patch);
    if (result.ok) setPreferences(result.value);
    return result;
  }, []);
  return { preferences, update };
}
