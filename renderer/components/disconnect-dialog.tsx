import { useEffect, useState } from 'react';
import type { AccountStatus, UnsavedSecrets } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { UnsavedKeysToCopy } from './copy-in-dialog.js';
import { Dialog, ErrorAlert } from './dialog.js';

/**
 * `Disconnect?`: asked first. Full keys the keychain refused live only in memory; Disconnect keeps them (they
 * come back if this account connects again) but they are lost when Keytray quits, so they are listed with
 * Copy before the person confirms.
 */
export function DisconnectDialog(props: {
  onDisconnected: (status: AccountStatus) => void;
  onCancel: () => void;
}) {
  const [unsaved, setUnsaved] = useState<UnsavedSecrets | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const { busy, run, alert } = useSubmit();

  useEffect(() => {
    void keytray.keys.unsaved().then((result) => {
      if (result.ok) setUnsaved(result.value);
      else setLoadProblem(result.error.message);
    });
  }, []);
  const keyIds = unsaved?.keyIds ?? [];

  return (
    <Dialog title="Disconnect?" onClose={props.onCancel}>
      <div className="stack">
        <p>
          Saved full keys and V1 tokens stay in your keychain and come back when you connect this account
          again.
        </p>
        <UnsavedKeysToCopy
          keyIds={keyIds}
          warning
          said={
            keyIds.length === 1
              ? 'This full key is only in memory: it stays until Keytray quits and comes back if you connect this account again, but quitting loses it. Copy it now:'
              : `These ${keyIds.length} full keys are only in memory: they stay until Keytray quits and come back if you connect this account again, but quitting loses them. Copy them now:`
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
            disabled={busy || (unsaved === null && loadProblem === null)}
            onClick={() => void run(() => keytray.account.disconnect(), props.onDisconnected)}
          >
            Disconnect
          </button>
        </div>
      </div>
    </Dialog>
  );
}
