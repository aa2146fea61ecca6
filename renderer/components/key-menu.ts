import type { KeyView } from '../../electron/common/models.js';
import type { MenuItem } from './actions-menu.js';
import type { KeyActions, KeyPermissions } from './key-row.js';

/**
 * A key row's "More actions" menu, built when it opens: loaded then too, with its words (the popup's first
 * screen has a size budget, and most people copy without opening a menu).
 */
export function keyMenu(key: KeyView, actions: KeyActions, permissions: KeyPermissions): MenuItem[] {
  /** The key Keytray connects with: the core refuses to turn it off, delete it or forget it. */
  const connected = key.id === permissions.connectedKeyId;
  const menu: MenuItem[] = [];
  // A status Keytray cannot read is shown as neither on nor off, so no switch: the two actions, said plainly.
  if (permissions.toggle && key.status === 'unknown' && !connected) {
    menu.push({ label: 'Enable', onSelect: () => actions.setEnabled(key.id, true) });
    menu.push({ label: 'Disable', onSelect: () => actions.setEnabled(key.id, false) });
  }
  if (key.status !== 'inactive')
    menu.push({ label: 'Replace key…', onSelect: () => actions.replace(key.id) });
  if (key.hasSecret) {
    menu.push({
      label: 'Copy as…',
      submenu: [
        { label: 'Environment variable', onSelect: () => actions.copy(key.id, 'env') },
        { label: 'Authorization header', onSelect: () => actions.copy(key.id, 'header') },
        // The command reads the key from the variable the line above sets: no key lands in shell history.
        { label: 'curl command (reads $TELNYX_API_KEY)', onSelect: () => actions.copy(key.id, 'curl') },
      ],
    });
    menu.push({ label: 'Reveal…', onSelect: () => actions.reveal(key.id) });
    menu.push({ label: 'Change saved key…', onSelect: () => actions.changeSecret(key.id) });
    if (!connected) menu.push({ label: 'Forget saved key…', onSelect: () => actions.forgetSecret(key.id) });
  } else {
    menu.push({ label: 'Save the full key…', onSelect: () => actions.saveSecret(key.id) });
  }
  menu.push({ label: 'Rename…', onSelect: () => actions.rename(key.id) });
  // Scope statements are the owner's to read, as turning keys on and off is (`toggle`).
  if (permissions.toggle) menu.push({ label: 'Permissions…', onSelect: () => actions.scopes(key.id) });
  if (key.pinned) menu.push({ label: 'Tray label…', onSelect: () => actions.renamePin(key.id) });
  if (permissions.remove && !connected)
    menu.push({ label: 'Delete…', onSelect: () => actions.remove(key.id) });
  // Said where Delete and Forget would be: without this key Keytray could not reach Telnyx at all.
  if (connected)
    menu.push({
      label: permissions.remove
        ? "Keytray connects with this key, so it can't be deleted, turned off or forgotten here. Disconnect first."
        : 'Keytray connects with this key: Disconnect to forget it',
      disabled: true,
    });
  return menu;
}
