import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyList, Preferences, TokenView } from '../../electron/common/models.js';
import type { Result } from '../../electron/common/result.js';
import { keytray } from '../bridge.js';
import { mergeKeyList } from '../key-list-updates.js';

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

/**
 * The whole list, asked for as soon as the popup hears of another account, before it knows what to show: the
 * key list that mounts next finds it on its way (one bridge round trip less between Connect and the first
 * rows). Taken once, by a key list that mounts within a second; never by one already showing (it may be older
 * than what that one holds).
 */
let early: [at: number, answer: Promise<Result<KeyList>>] | null = null;
export const prefetchKeyList = () => void (early = [Date.now(), keytray.keys.list()]);

/**
 * The key list: the whole list first, then only what changed (see `mergeKeyList`), fetched again when main
 * says something changed and each time the popup opens (expiry words age). One fetch at a time: changes
 * announced meanwhile are fetched once, after it. `sync()` asks Telnyx and answers with the list as it now
 * stands. Marks when the list changed; KeyList marks when it is painted (test/bench measures the gap).
 */
export function useKeyList(): [KeyList | null, () => Promise<void>, () => Promise<Result<KeyList>>] {
  const [list, setList] = useState<KeyList | null>(null);
  const held = useRef<KeyList | null>(null);
  const fetching = useRef<{ again: boolean } | null>(null);

  /** Keeps what an answer brings; one that does not fit the list held asks for the whole list instead. */
  const take = useCallback(async (answer: Result<KeyList>): Promise<Result<KeyList>> => {
    if (!answer.ok) return answer;
    let next = mergeKeyList(held.current, answer.value);
    if (next === null) {
      const whole = await keytray.keys.list();
      if (!whole.ok) return whole;
      next = mergeKeyList(null, whole.value) ?? whole.value;
    }
    if (next !== held.current) {
      held.current = next;
      setList(next);
      performance.mark('keytray:keys-data');
    }
    return { ok: true, value: next };
  }, []);
  const since = () => (held.current?.revision === undefined ? undefined : { since: held.current.revision });

  /** `first`: the list this key list starts from (a prefetched one, when it is fresh and good). */
  const refresh = useCallback(
    async (first?: Promise<Result<KeyList>> | null) => {
      if (fetching.current) return void (fetching.current.again = true);
      const state: { again: boolean } = (fetching.current = { again: true });
      let start = first ? await first : null;
      try {
        while (state.again) {
          state.again = false;
          await take(start?.ok ? start : await keytray.keys.list(since()));
          start = null;
        }
      } finally {
        fetching.current = null;
      }
    },
    [take],
  );
  const sync = useCallback(async () => take(await keytray.keys.sync(since())), [take]);

  useEffect(() => {
    const first = early && Date.now() - early[0] < 1_000 ? early[1] : null;
    early = null;
    void refresh(first);
    const offChanged = keytray.on('keys.changed', () => void refresh());
    const offShown = keytray.on('popup.shown', () => void refresh());
    return () => (offChanged(), offShown());
  }, [refresh]);
  return [list, refresh, sync];
}

const loadTokens = () => keytray.tokens.list();

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
