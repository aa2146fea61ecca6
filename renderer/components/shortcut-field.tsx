import { useId, useState } from 'react';
import { isMac, shortcutFromKeys, shortcutWords } from '../shortcut-keys.js';

/**
 * The global shortcut, recorded by pressing it: focus the field, press the keys (Ctrl+Shift+K), and it is
 * saved as soon as the combination is whole. Backspace or Delete turns it off; Tab and Escape keep their
 * usual jobs (no keyboard trap). Shown in words, never as Electron's "CommandOrControl+…".
 */
export function ShortcutField(props: { accelerator: string; onChange: (accelerator: string) => void }) {
  const mac = isMac();
  const [pending, setPending] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const hintId = useId();
  const shown = pending ?? shortcutWords(props.accelerator, mac);
  return (
    <div className="shortcut">
      <label className="inline">
        Global shortcut
        <input
          type="text"
          readOnly
          value={shown}
          aria-describedby={hintId}
          onBlur={() => {
            setPending(null);
            setRefusal(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Tab' || event.key === 'Escape') return;
            event.preventDefault();
            if (event.key === 'Backspace' || event.key === 'Delete') {
              setPending(null);
              setRefusal(null);
              if (props.accelerator !== '') props.onChange('');
              return;
            }
            const pressed = shortcutFromKeys(event.nativeEvent, mac);
            if (pressed.kind === 'partial') {
              setPending(pressed.words);
              setRefusal(null);
            } else if (pressed.kind === 'refused') {
              setPending(null);
              setRefusal(pressed.why);
            } else {
              setPending(null);
              setRefusal(null);
              if (pressed.accelerator !== props.accelerator) props.onChange(pressed.accelerator);
            }
          }}
          onKeyUp={() => pending && setPending(null)}
        />
      </label>
      <p className="hint" id={hintId}>
        {refusal ??
          'Click here and press the keys you want. Backspace turns it off. On Wayland desktops it may not work.'}
      </p>
    </div>
  );
}
