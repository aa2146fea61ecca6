import { DISABLE_UNDO_MS, type PendingDisable } from '../hooks/use-pending-disables.js';
import '../styles/pending-disable.css';

/**
 * On a row whose switch was just turned off: "disabling in 5 s — Undo". A status, so it is announced once; the
 * countdown itself is for the eye (announced every second it would drown everything else).
 */
export function PendingDisableStatus(props: { id: string; pending: PendingDisable; tabIndex: number }) {
  const { pending } = props;
  return (
    <div role="status" className="key-line pending-disable">
      <span className="visually-hidden">Disabling in {DISABLE_UNDO_MS / 1000} seconds.</span>
      <span aria-hidden="true">
        {pending.sending ? 'disabling…' : `disabling in ${pending.secondsLeft} s —`}
      </span>
      {!pending.sending && (
        <button
          type="button"
          className="text-button"
          aria-label={`Undo disabling ${props.id}`}
          tabIndex={props.tabIndex}
          onClick={(event) => {
            // The button goes with the countdown: focus moves to the switch it undid, not to the page.
            const row = event.currentTarget.closest('li');
            pending.undo();
            row?.querySelector<HTMLElement>('[role="switch"]')?.focus();
          }}
        >
          Undo
        </button>
      )}
    </div>
  );
}
