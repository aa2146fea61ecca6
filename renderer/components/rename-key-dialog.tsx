import { keytray } from '../bridge.js';
import { TextFieldDialog } from './text-field-dialog.js';

/** As long as a tray label: the name is what the tray menu shows. */
export const MAX_KEY_NAME = 40;

/**
 * `Rename…`: a name for the key on this computer ("Zapier integration"), since Telnyx keeps only tags. Shown
 * first in the row, searched, and used in the tray menu, the reminders and the calendar. Empty removes it.
 */
export function RenameKeyDialog(props: {
  id: string;
  name: string | null;
  onClose: (message?: string) => void;
}) {
  return (
    <TextFieldDialog
      title="Rename"
      subject={props.id}
      field="Name"
      initial={props.name ?? ''}
      maxLength={MAX_KEY_NAME}
      placeholder="What it is for, like “Zapier integration”"
      hint={() =>
        'Kept on this computer only: Telnyx keeps tags, not names. Shown first in the list, the tray menu, reminders and the calendar. Leave it empty to remove the name.'
      }
      button="Save name"
      save={(name) => keytray.keys.rename({ id: props.id, name: name || null })}
      saved={(name) => (name ? `Named ${props.id} “${name}”` : `Removed the name of ${props.id}`)}
      onClose={props.onClose}
    />
  );
}
