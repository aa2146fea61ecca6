import { useCallback, useEffect, useState } from 'react';
import { keytray } from '../bridge.js';

/** What the clipboard holds of one key, as far as this dialog knows. */
export type ClipboardTruth =
  { state: 'not-copied' } | { state: 'copied'; clearsInSeconds: number | null } | { state: 'cleared' };

/**
 * Copying one key from a dialog that stays open (`Key created`, the replacement's result), and keeping what the
 * dialog says about the clipboard true: once main has cleared it (`clipboard.cleared`), "is on your clipboard"
 * would send someone to paste nothing, so the dialog says it was cleared and offers the copy again.
 */
export function useClipboardTruth(id: string) {
  const [truth, setTruth] = useState<ClipboardTruth>({ state: 'not-copied' });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      keytray.on('clipboard.cleared', () =>
        setTruth((now) => (now.state === 'copied' ? { state: 'cleared' } : now)),
      ),
    [],
  );
  const copy = useCallback(async () => {
    setProblem(null);
    const result = await keytray.keys.copy({ id, format: 'raw' });
    if (result.ok) setTruth({ state: 'copied', clearsInSeconds: result.value.clearsInSeconds });
    else setProblem(result.error.message);
  }, [id]);
  /** Main copied the key itself (a replacement is copied as it is made). */
  const copiedByMain = useCallback(
    (clearsInSeconds: number | null) => setTruth({ state: 'copied', clearsInSeconds }),
    [],
  );
  return { truth, copy, copiedByMain, problem };
}

/** The sentence for the clipboard's state, or null before any copy. */
export function clipboardSentence(truth: ClipboardTruth, what = 'The key'): string | null {
  if (truth.state === 'cleared')
    return `The clipboard has been cleared, so ${what.toLowerCase()} is no longer on it. Copy it again to paste it.`;
  if (truth.state === 'copied')
    return truth.clearsInSeconds
      ? `${what} is on your clipboard. The clipboard clears in ${truth.clearsInSeconds} s.`
      : `${what} is on your clipboard.`;
  return null;
}
