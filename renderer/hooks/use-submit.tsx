import { useCallback, useState } from 'react';
import type { Result } from '../../electron/common/result.js';
import { ErrorAlert } from '../components/dialog.js';

/**
 * Runs a bridge call for a dialog: busy while it runs, the plain error shown in the dialog if it fails (so
 * the dialog stays open and the person can try again). One hook, so every dialog behaves the same.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<Result<T>>, done: (value: T) => void) => {
    setBusy(true);
    setProblem(null);
    const result = await call();
    setBusy(false);
    if (result.ok) done(result.value);
    else setProblem(result.error.message);
  }, []);
  const alert = <ErrorAlert message={problem} />;
  return { busy, run, alert };
}
