import { useEffect, useState } from 'react';
import type { AccountStatus, AccountSummary } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { UnsavedKeysToCopy } from './copy-in-dialog.js';
import { Dialog, ErrorAlert } from './dialog.js';
import { TextFieldDialog } from './text-field-dialog.js';
import '../styles/accounts.css';

/** As the tray menu and the header show it. */
export const MAX_ACCOUNT_NAME = 40;

/** `Rename account`: what the header, the tray menu and reminders call the active account. */
export function RenameAccountDialog(props: {
  id: string;
  name: string;
  onClose: (message?: string) => void;
}) {
  return (
    <TextFieldDialog
      title="Rename account"
      field="Name"
      initial={props.name}
      maxLength={MAX_ACCOUNT_NAME}
      required
      placeholder="Like “Production” or “Staging”"
      hint={() => 'Shown in the header, the tray menu and reminders. Kept on this computer only.'}
      button="Save name"
      save={(name) => keytray.account.rename({ id: props.id, name })}
      saved={(name) => `Account renamed “${name}”`}
      onClose={props.onClose}
    />
  );
}

/**
 * `Remove «name»?`: says exactly what goes — this account's entries in the system keychain and what Keytray
 * keeps of it on this computer — and that nothing changes at Telnyx. Full keys held only in memory (the
 * keychain refused them) are listed with Copy first, as Disconnect and Quit do: removing loses them.
 */
export function RemoveAccountDialog(props: {
  id: string;
  name: string;
  demo: boolean;
  onRemoved: (status: AccountStatus) => void;
  onCancel: () => void;
}) {
  const [account, setAccount] = useState<AccountSummary | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const { busy, run, alert } = useSubmit();
  useEffect(() => {
    void keytray.account.list().then((result) => {
      if (!result.ok) return setLoadProblem(result.error.message);
      setAccount(result.value.find((a) => a.id === props.id) ?? null);
    });
  }, [props.id]);
  const keyIds = account?.unsavedKeyIds ?? [];

  return (
    <Dialog title={`Remove ${props.name}?`} onClose={props.onCancel}>
      <div className="stack">
        {props.demo ? (
          <p>
            Removes the demo account and the keys, names and pins you made in it. You can start the demo again
            from Add account.
          </p>
        ) : (
          <>
            <p>Removing this account deletes from this computer:</p>
            <ul className="remove-account-list">
              <li>
                its entries in the system keychain: the key it connects with, the full keys and the V1 tokens
                Keytray saved for it;
              </li>
              <li>
                its pins, key names, reminder history, planned disables and the key list kept for offline use.
              </li>
            </ul>
            <p>
              Nothing changes at Telnyx: its keys keep working. To use it again, add it with a key of that
              account.
            </p>
          </>
        )}
        <UnsavedKeysToCopy
          keyIds={keyIds}
          warning
          said={
            keyIds.length === 1
              ? 'This full key is only in memory and is lost when the account is removed. Copy it now:'
              : `These ${keyIds.length} full keys are only in memory and are lost when the account is removed. Copy them now:`
          }
        />
        <ErrorAlert message={loadProblem} />
        {alert}
        <div className="buttons">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            // Asked only once Keytray knows what would be lost (or could not find out, and says so).
            disabled={busy || (account === null && loadProblem === null)}
            onClick={() => void run(() => keytray.account.remove({ id: props.id }), props.onRemoved)}
          >
            Remove account
          </button>
        </div>
      </div>
    </Dialog>
  );
}
