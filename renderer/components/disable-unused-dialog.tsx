import { useEffect, useRef, useState } from 'react';
import type { KeyView } from '../../electron/common/models.js';
import { displayText } from '../../electron/common/text.js';
import { isUnused, lastUseText, whyLeftOut, type LeftOut } from '../../electron/common/unused-keys.js';
import { keytray } from '../bridge.js';
import { startBulkDisable, type BulkState } from '../bulk-disable.js';
import { useAnnounce } from '../hooks/use-announcer.js';
import { Dialog } from './dialog.js';
import '../styles/hygiene.css';

const keysWord = (n: number) => (n === 1 ? '1 key' : `${n} keys`);

const LEFT_OUT_WORDS: Record<LeftOut, (n: number) => string> = {
  connected: (n) => `${keysWord(n)} Keytray connects with`,
  held: (n) => `${keysWord(n)} whose full key Keytray holds (turn ${n === 1 ? 'it' : 'them'} off on its row)`,
  off: (n) => `${keysWord(n)} already off or expired`,
};

/** Which key, for the list: its name and id, then its last use and whose it is (what helps decide). */
function KeyLine({ item, now }: { item: KeyView; now: Date }) {
  return (
    <li>
      <span>
        {item.name ? <strong>{displayText(item.name)}</strong> : null}{' '}
        <code className="key-id">{item.id}</code>
      </span>
      <span className="hint">
        {lastUseText(item, now)}
        {item.userEmail ? ` · ${item.userEmail}` : ''}
      </span>
    </li>
  );
}

/**
 * "Disable these N keys…": lists the keys, asks once, waits out the Undo window a single key's switch has, then
 * turns them off one by one with progress and says which failed and why. Main checks each key again
 * (`keys.disableUnused`): a key found used meanwhile is left on and reported. Also says which unused keys were
 * left out, and how many keys' last use Telnyx did not report (never counted as unused).
 */
export function DisableUnusedDialog(props: {
  ids: readonly string[];
  keys: readonly KeyView[];
  now: Date;
  days: number;
  /** The keys Keytray connects its accounts with: never offered. */
  accountKeyIds: readonly string[];
  onClose: (message?: string) => void;
}) {
  const { now, days } = props;
  const announce = useAnnounce();
  const [state, setState] = useState<BulkState | null>(null);
  const run = useRef<{ undo(): boolean; stop(): void } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const wanted = new Set(props.ids);
  const offered = props.keys.filter((k) => wanted.has(k.id));

  const leftOut = new Map<LeftOut, number>();
  let unknown = 0;
  for (const key of props.keys) {
    if (key.unreadable.includes('lastUsedAt')) unknown++;
    if (wanted.has(key.id) || !isUnused(key, now, days)) continue;
    const why = whyLeftOut(key, props.accountKeyIds);
    if (why) leftOut.set(why, (leftOut.get(why) ?? 0) + 1);
  }

  useEffect(() => {
    if (state?.phase === 'waiting') undoButton.current?.focus();
  }, [state?.phase]);
  // Gone with its account (a new account is a fresh tree): nothing meant for this one is sent after.
  useEffect(() => () => run.current?.stop(), []);

  const confirm = () => {
    run.current = startBulkDisable({
      ids: offered.map((k) => k.id),
      disable: (id) => keytray.keys.disableUnused({ id }),
      onChange: (next) => {
        setState(next);
        if (next.phase === 'undone') props.onClose(`Undone: no key was disabled`);
        if (next.phase === 'finished')
          announce(
            next.failed.length === 0
              ? `Disabled ${keysWord(next.disabled.length)}`
              : `Disabled ${next.disabled.length} of ${keysWord(next.total)}; ${next.failed.length} failed`,
            next.failed.length === 0 ? 'info' : 'error',
          );
      },
    });
  };

  // Closing in the Undo window is an Undo; while keys are being turned off the dialog stays until it is done.
  const close = () => {
    if (state?.phase === 'sending') return;
    if (state?.phase === 'waiting') run.current?.undo();
    else props.onClose();
  };

  const title = 'Disable unused keys';
  if (state === null) {
    const n = offered.length;
    return (
      <Dialog title={title} onClose={close}>
        <div className="stack">
          <p>
            {n === 1 ? 'This key has' : `These ${n} keys have`} not been used for {days} days. Keytray turns{' '}
            {n === 1 ? 'it' : 'them'} off one by one; anything still using {n === 1 ? 'it' : 'one'} stops
            working until it is turned on again.
          </p>
          {/* Focusable: a long list scrolls, and a keyboard must be able to scroll it. */}
          <ul className="hygiene-keys" aria-label="Keys to disable" tabIndex={0}>
            {offered.map((k) => (
              <KeyLine key={k.id} item={k} now={now} />
            ))}
          </ul>
          {leftOut.size > 0 && (
            <p className="hint">
              Left out: {[...leftOut].map(([why, count]) => LEFT_OUT_WORDS[why](count)).join('; ')}.
            </p>
          )}
          {unknown > 0 && (
            <p className="hint">
              Telnyx did not say when {keysWord(unknown)} {unknown === 1 ? 'was' : 'were'} last used:{' '}
              {unknown === 1 ? 'it is' : 'they are'} never counted as unused.
            </p>
          )}
          <div className="buttons">
            <button type="button" onClick={() => props.onClose()}>
              Cancel
            </button>
            <button type="button" className="danger" disabled={n === 0} onClick={confirm}>
              Disable {keysWord(n)}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={close}>
      <div className="stack">
        {state.phase === 'waiting' && (
          <div role="status" className="hygiene-progress">
            <span>
              Disabling {keysWord(state.total)} in {state.secondsLeft} s
            </span>
            <button type="button" ref={undoButton} onClick={() => run.current?.undo()}>
              Undo
            </button>
          </div>
        )}
        {state.phase === 'waiting' && <p className="hint">Nothing reaches Telnyx until then.</p>}
        {state.phase === 'sending' && (
          <>
            <progress
              aria-label="Disabling keys"
              max={state.total}
              value={state.done}
              className="hygiene-bar"
            />
            <p role="status">
              Disabled {state.done} of {keysWord(state.total)}…
            </p>
          </>
        )}
        {state.phase === 'finished' && (
          <>
            <p role="status">
              {state.failed.length === 0
                ? `Disabled ${keysWord(state.disabled.length)}.`
                : `Disabled ${state.disabled.length} of ${keysWord(state.total)}.`}
            </p>
            {state.failed.length > 0 && (
              <div role="alert" className="error">
                <p>
                  {state.failed.length === 1
                    ? '1 key was not disabled:'
                    : `${state.failed.length} keys were not disabled:`}
                </p>
                <ul className="hygiene-keys" aria-label="Keys not disabled" tabIndex={0}>
                  {state.failed.map((f) => (
                    <li key={f.id}>
                      <code className="key-id">{f.id}</code> — {f.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="buttons">
              <button type="button" className="primary" autoFocus onClick={() => props.onClose()}>
                Done
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
