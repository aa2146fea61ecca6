import { useCallback, useEffect, useRef, useState } from 'react';
import { FIRST_SCREEN_KEYS } from '../../electron/common/channels.js';
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

/** The first screen of keys (`keys.list({ first })`): what a key list with nothing to show asks for first. */
const askFirstScreen = () => keytray.keys.list({ first: FIRST_SCREEN_KEYS });

/**
 * The first screen for the key list that mounts next, taken once within a second: the one Connect's answer
 * brought (`sent`, shown in the list's very first render), or one asked for ahead (`early`) when the account
 * changed with nothing connected on screen.
 */
let early: [at: number, answer: Promise<Result<KeyList>>] | null = null;
let sent: [at: number, list: KeyList] | null = null;
const freshSent = () => (sent && Date.now() - sent[0] < 1_000 ? sent[1] : null);

/** Connect answered: the key list mounts next, with the first screen the answer brought, or asks for it now. */
export function connectedWith(firstScreen: KeyList | undefined) {
  if (firstScreen) sent = [Date.now(), firstScreen];
  else early = [Date.now(), askFirstScreen()];
}

/** Connect requests on their way: their answers bring the first screen (see `heardOfAccount`). */
let connecting = 0;
/** Connect's request, while it is on its way. */
export function whileConnecting<T>(answer: Promise<T>): Promise<T> {
  connecting += 1;
  return answer.finally(() => (connecting -= 1));
}

/**
 * `account.changed` came: the key list that mounts next will want its first screen (`wanted`), asked now —
 * unless a Connect's answer, on its way, brings it (Electron sends the news before the answer).
 */
export function heardOfAccount(wanted: boolean) {
  if (!wanted || connecting > 0 || freshSent() || (early && Date.now() - early[0] < 250)) return;
  early = [Date.now(), askFirstScreen()];
}

/** After the frame that shows what was just set. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * The key list: the first screen of it (the keys on top, `KeyList.total` saying how many there are), painted
 * while the whole list crosses; then the whole list; then only what changed (see `mergeKeyList`), fetched
 * again when main says something changed and each time the popup opens (expiry words age). With 10,000 keys
 * the whole list is megabytes to build, send and parse: a person waits for the first rows, not for that. One
 * fetch at a time: changes announced meanwhile are fetched once, after it. `sync()` asks Telnyx and answers
 * with the list as it now stands. Marks when the list changed; KeyList marks when it is painted (test/bench
 * measures the gap).
 */
export function useKeyList(): [KeyList | null, () => Promise<void>, () => Promise<Result<KeyList>>] {
  // A first screen main sent is in the very first render, not a frame later (after an effect).
  const [list, setList] = useState<KeyList | null>(freshSent);
  const shownFirst = useRef(list);
  const held = useRef<KeyList | null>(null);
  const fetching = useRef<{ again: boolean } | null>(null);

  /** Keeps what an answer brings; one that does not fit the list held asks for the whole list instead. */
  const take = useCallback(async (answer: Result<KeyList>): Promise<Result<KeyList>> => {
    if (!answer.ok) return answer;
    // A whole list (no `changedSince`) is taken as it is; what changed since a revision is merged by
    // key-list-updates.ts, loaded with the first such answer (the popup's first screen has a size budget).
    let next =
      answer.value.changedSince === undefined
        ? answer.value
        : (await import('../key-list-updates.js')).mergeKeyList(held.current, answer.value);
    if (next === null) {
      const whole = await keytray.keys.list();
      if (!whole.ok) return whole;
      next = whole.value;
    }
    if (next !== held.current) {
      held.current = next;
      setList(next);
      performance.mark('keytray:keys-data');
    }
    return { ok: true, value: next };
  }, []);
  const since = () => (held.current?.revision === undefined ? undefined : { since: held.current.revision });

  const refresh = useCallback(async () => {
    if (fetching.current) return void (fetching.current.again = true);
    const state: { again: boolean } = (fetching.current = { again: true });
    try {
      while (state.again) {
        state.again = false;
        await take(await keytray.keys.list(since()));
      }
    } finally {
      fetching.current = null;
    }
  }, [take]);
  const sync = useCallback(async () => take(await keytray.keys.sync(since())), [take]);

  useEffect(() => {
    let mounted = true;
    const prefetched = early && Date.now() - early[0] < 1_000 ? early[1] : null;
    early = null;
    sent = null;
    void (async () => {
      if (shownFirst.current) {
        performance.mark('keytray:keys-data');
        await afterPaint();
      } else {
        const answer = await (prefetched ?? askFirstScreen());
        // Shown only while nothing whole is: the whole list may have come first (a change announced meanwhile).
        if (mounted && answer.ok && answer.value.total !== undefined && held.current === null) {
          setList(answer.value);
          performance.mark('keytray:keys-data');
          // The whole list is asked for once the first screen is on screen: parsing it must not delay that frame.
          await afterPaint();
        }
      }
      if (mounted) await refresh();
    })();
    const offChanged = keytray.on('keys.changed', () => void refresh());
    const offShown = keytray.on('popup.shown', () => void refresh());
    return () => ((mounted = false), offChanged(), offShown());
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
