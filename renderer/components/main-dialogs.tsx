import { lazy, Suspense } from 'react';
import type { Capabilities, KeyView, Preferences } from '../../electron/common/models.js';
import type { Result } from '../../electron/common/result.js';
import type { AccountStatus } from '../../electron/common/models.js';
import { RemoveAccountDialog, RenameAccountDialog } from './account-dialogs.js';
import { CompatibilityDialog } from './compatibility-dialog.js';
import { CreateKeyDialog } from './create-key-dialog.js';
import { DisconnectDialog } from './disconnect-dialog.js';
import { DeleteKeyDialog, EditTagsDialog, RevealDialog } from './key-dialogs.js';
import { RenameKeyDialog } from './rename-key-dialog.js';
import { ReplaceKeyDialog } from './replace-key-dialog.js';
import { TrayLabelDialog } from './tray-label-dialog.js';
import { ForgetSavedKeyDialog, SaveFullKeyDialog } from './saved-key-dialogs.js';
import { SettingsDialog } from './settings-dialog.js';

/** Key hygiene's dialogs, loaded apart from the others: most sessions never open them. */
const DisableUnusedDialog = lazy(() =>
  import('./disable-unused-dialog.js').then((m) => ({ default: m.DisableUnusedDialog })),
);
const KeyScopesDialog = lazy(() =>
  import('./key-scopes-dialog.js').then((m) => ({ default: m.KeyScopesDialog })),
);

/** Which dialog of the main view is open, and for which key. */
export type OpenDialog =
  | { kind: 'create' }
  | { kind: 'settings' }
  | { kind: 'disconnect' }
  | { kind: 'compatibility' }
  /** The active account's Rename… and Remove… (from the account switcher). */
  | { kind: 'renameAccount' }
  | { kind: 'removeAccount' }
  /** "Disable these N keys…": the unused keys in view it offers. */
  | { kind: 'disableUnused'; ids: string[] }
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
        | 'rename'
        | 'scopes';
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
  /** The active account: what Rename… and Remove… act on. */
  account: Extract<AccountStatus, { connected: true }>;
  onAddAccount: () => void;
  /** The key Keytray connects with: never offered by "Disable these keys…". */
  /** The keys Keytray connects its accounts with (`AccountStatus.accountKeyIds`). */
  accountKeyIds: readonly string[];
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
          onAddAccount={props.onAddAccount}
          onCheckCompatibility={() => setOpen({ kind: 'compatibility' })}
        />
      ) : null;
    case 'disableUnused':
      return (
        <Suspense fallback={null}>
          <DisableUnusedDialog
            ids={open.ids}
            keys={keys}
            now={props.now}
            days={preferences?.unusedAfterDays ?? 90}
            accountKeyIds={props.accountKeyIds}
            onClose={closeDialog}
          />
        </Suspense>
      );
    case 'scopes':
      return (
        <Suspense fallback={null}>
          <KeyScopesDialog id={open.id} onClose={() => setOpen(null)} />
        </Suspense>
      );
    case 'renameAccount':
      return (
        <RenameAccountDialog id={props.account.accountId} name={props.account.name} onClose={closeDialog} />
      );
    case 'removeAccount':
      return (
        <RemoveAccountDialog
          id={props.account.accountId}
          name={props.account.name}
          demo={props.account.mode === 'demo'}
          onRemoved={props.onStatus}
          onCancel={() => setOpen(null)}
        />
      );
    case 'compatibility':
      return <CompatibilityDialog onClose={() => setOpen({ kind: 'settings' })} />;
    case 'disconnect':
      return (
        <DisconnectDialog onDisconnected={props.onStatus} onCancel={() => setOpen({ kind: 'settings' })} />
      );
  }
}
