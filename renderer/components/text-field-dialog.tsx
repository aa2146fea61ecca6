import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../electron/common/result.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';

/**
 * A dialog that asks for one short text and saves it (a key's name, a tray label, an account's name): the
 * field with its hint tied to it, the error, Cancel and the save button. `save` gets the text trimmed; the
 * dialog closes with what `saved` says, or stays open on the error.
 */
export function TextFieldDialog(props: {
  title: string;
  subject?: string;
  field: string;
  initial: string;
  maxLength: number;
  placeholder: string;
  /** Under the field, from what is typed so far. */
  hint: (text: string) => ReactNode;
  button: string;
  /** Empty is refused (the button is off) instead of meaning "none". */
  required?: boolean;
  save: (text: string) => Promise<Result<unknown>>;
  saved: (text: string) => string;
  onClose: (message?: string) => void;
}) {
  const [text, setText] = useState(props.initial);
  const { busy, run, alert } = useSubmit();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = text.trim();
    void run(
      () => props.save(chosen),
      () => props.onClose(props.saved(chosen)),
    );
  };
  return (
    <Dialog
      title={props.title}
      {...(props.subject ? { subject: props.subject } : {})}
      onClose={() => props.onClose()}
    >
      <form className="stack" onSubmit={submit}>
        <label>
          {props.field}
          <input
            type="text"
            value={text}
            maxLength={props.maxLength}
            required={props.required}
            placeholder={props.placeholder}
            aria-describedby={hintId}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <p className="hint" id={hintId}>
          {props.hint(text)}
        </p>
        {alert}
        <div className="buttons">
          <button type="button" onClick={() => props.onClose()}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || (props.required === true && text.trim() === '')}
          >
            {props.button}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
