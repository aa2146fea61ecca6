import type { Capabilities, KeyView, Preferences } from '../../electron/common/models.js';
import type { Result } from '../../electron/common/result.js';
import type { AccountStatus } from '../../electron/common/models.js';
import { CompatibilityDialog } from './compatibility-dialog.js';
import { CreateKeyDialog } from './create-key-dialog.js';
import { DisconnectDialog } from './disconnect-dialog.js';
import { DeleteKeyDialog, EditTagsDialog, RevealDialog } from './key-dialogs.js';
import { RenameKeyDialog } from './rename-key-dialog.js';
import { ReplaceKeyDialog } from './replace-key-dialog.js';
import { TrayLabelDialog } from './tray-label-dialog.js';
import { ForgetSavedKeyDialog, SaveFullKeyDialog } from './saved-key-dialogs.js';
import { SettingsDialog } from './settings-dialog.js';

/** Which dialog of the main view is open, and for which key. */
export type OpenDialog =
  | { kind: 'create' }
  | { kind: 'settings' }
  | { kind: 'disconnect' }
  | { kind: 'compatibility' }
  | {
      kind:
        | 'editTags'
        | 'saveSecret'
        | 'changeSecret'
        | 'forgetSecret'
        | 'reveal'
        | 'delete'
        | 'replace'
        | 'trayLabel'
        | 'rename';
      id: string;
    }
  | null;

/**
 * The main view's dialogs, one at a time. `onClose(message)` closes and announces what was done; Settings'
 * own dialogs (Check Telnyx compatibility, Disconnect?) go back to Settings when cancelled.
 */
export function MainDialogs(props: {
  open: OpenDialog;
  setOpen: (open: OpenDialog) => void;
  onClose: (message?: string) => void;
  keys: readonly KeyView[];
  now: Date;
  connectedUserId: string | null;
  tagsInUse: readonly string[];
  capabilities: Capabilities;
  preferences: Preferences | null;
  update: (patch: Partial<Preferences>) => Promise<Result<Preferences>>;
  onExport: () => void;
  onStatus: (status: AccountStatus) => void;
}) {
  const { open, setOpen, onClose: closeDialog, keys, preferences } = props;
  const item = open && 'id' in open ? keys.find((k) => k.id === open.id) : undefined;
  switch (open?.kind) {
    case undefined:
      return null;
    case 'create':
      return (
        <CreateKeyDialog
          suggestions={props.tagsInUse}
          canDisableKeys={props.capabilities.isOwner}
          onClose={() => setOpen(null)}
        />
      );
    case 'editTags':
      return (
        <EditTagsDialog
          id={open.id}
          tags={item?.tags ?? []}
          suggestions={props.tagsInUse}
          onClose={closeDialog}
        />
      );
    case 'saveSecret':
    case 'changeSecret':
      return (
        <SaveFullKeyDialog
          id={open.id}
          mode={open.kind === 'saveSecret' ? 'save' : 'change'}
          onClose={closeDialog}
        />
      );
    case 'forgetSecret':
      return item ? <ForgetSavedKeyDialog item={item} onClose={closeDialog} /> : null;
    case 'reveal':
      return <RevealDialog id={open.id} onClose={() => setOpen(null)} />;
    case 'delete':
      return item ? (
        <DeleteKeyDialog
          item={item}
          now={props.now}
          connectedUserId={props.connectedUserId}
          onClose={closeDialog}
        />
      ) : null;
    case 'replace':
      return <ReplaceKeyDialog id={open.id} onClose={closeDialog} />;
    case 'trayLabel':
      return <TrayLabelDialog id={open.id} label={item?.pinLabel ?? null} onClose={closeDialog} />;
    case 'rename':
      return <RenameKeyDialog id={open.id} name={item?.name ?? null} onClose={closeDialog} />;
    case 'settings':
      return preferences ? (
        <SettingsDialog
          preferences={preferences}
          update={props.update}
          onClose={() => setOpen(null)}
          onExport={props.onExport}
          onDisconnect={() => setOpen({ kind: 'disconnect' })}
          onCheckCompatibility={() => setOpen({ kind: 'compatibility' })}
        />
      ) : null;
    case 'compatibility':
      return <CompatibilityDialog onClose={() => setOpen({ kind: 'settings' })} />;
    case 'disconnect':
      return (
        <DisconnectDialog onDisconnected={props.onStatus} onCancel={() => setOpen({ kind: 'settings' })} />
      );
  }
}
