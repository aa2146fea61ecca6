import { useEffect, useId, useRef, type ReactNode } from 'react';
import '../styles/dialog.css';

// Its own module, so the submit hook (and Connect, which is no dialog) can show it without the dialog's styles.
export { ErrorAlert } from './error-alert.js';
export { Switch } from './switch.js';

/**
 * A modal dialog on the native <dialog>: focus moves in and stays in, Escape closes it (and only it: the
 * popup's own Escape handler sees the dialog is open), the title names it.
 */
export function Dialog(props: {
  title: string;
  /** What the dialog is about, e.g. a key id: part of its name, shown on its own line (ids are long). */
  subject?: string;
  onClose: () => void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      {...(props.role === 'alertdialog' ? { role: 'alertdialog' } : {})}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId}>
        {props.title}
        {props.subject && (
          <>
            {' '}
            <span className="dialog-subject">{props.subject}</span>
          </>
        )}
      </h2>
      {props.children}
    </dialog>
  );
}
