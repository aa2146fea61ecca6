import { keytray } from '../bridge.js';
import { TextFieldDialog } from './text-field-dialog.js';

/**
 * `Tray label…`: what the tray menu says for a pinned key ("Copy Owner key"). Empty goes back to the default:
 * the key's name (`Rename…`), or its first tag and the end of its id.
 */
export function TrayLabelDialog(props: {
  id: string;
  label: string | null;
  onClose: (message?: string) => void;
}) {
  return (
    <TextFieldDialog
      title="Tray label"
      subject={props.id}
      field="Label"
      initial={props.label ?? ''}
      maxLength={40}
      placeholder="Its name, or first tag and end of id"
      hint={(label) => `The tray menu shows “Copy ${label.trim() || '…'}”. Leave it empty for the default.`}
      button="Save label"
      save={(label) => keytray.keys.pin({ id: props.id, pinned: true, label: label || null })}
      saved={(label) => `The tray menu now shows Copy ${label || 'with the default name'}`}
      onClose={props.onClose}
    />
  );
}
