import { useEffect, useId, useRef, type ReactNode } from 'react';

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

/** A toggle that says it is one: role=switch with aria-checked. */
export function Switch(props: {
  label: string;
  checked: boolean;
  onChange: (next: boolean) => void;
  tabIndex?: number;
  visibleLabel?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={props.checked}
      aria-label={props.visibleLabel ? undefined : props.label}
      tabIndex={props.tabIndex}
      onClick={() => props.onChange(!props.checked)}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {props.visibleLabel && <span>{props.label}</span>}
    </button>
  );
}

/** A problem said in plain words, announced at once (role=alert); nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}
