import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../electron/common/result.js';
import { ErrorAlert } from '../components/error-alert.js';

/**
 * Runs a bridge call for a dialog: busy while it runs, the plain error shown in the dialog if it fails (so
 * the dialog stays open and the person can try again). One hook, so every dialog behaves the same.
 *
 * A second `run` while one is under way does nothing (a double click, or Enter while the request is out): the
 * guard is a ref, not `busy`, because two clicks in one frame both still see `busy` false. `failed` sees the
 * error's code (e.g. `tags-refused`), and `fail` shows a problem found before any call (a date left empty).
 * `problem` is the same text, for a dialog that shows it somewhere of its own choosing.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async <T,>(
      call: () => Promise<Result<T>>,
      done: (value: T) => void,
      failed?: (error: AppErrorShape) => void,
    ) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setProblem(null);
      let result: Result<T>;
      try {
        result = await call();
      } finally {
        running.current = false;
        setBusy(false);
      }
      if (result.ok) done(result.value);
      else {
        setProblem(result.error.message);
        failed?.(result.error);
      }
    },
    [],
  );
  const alert = <ErrorAlert message={problem} />;
  return { busy, run, alert, problem, fail: setProblem };
}
