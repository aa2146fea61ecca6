import { useEffect, useState } from 'react';
import type { UnsavedSecrets } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { UnsavedKeysToCopy } from './copy-in-dialog.js';
import { Dialog, ErrorAlert } from './dialog.js';

/**
 * `Quit Keytray?`: the tray's Quit opens this (`popup.shown {view:'quit'}`) instead of quitting when full
 * keys exist only in memory. It lists this account's with Copy, counts the ones of other accounts (connect
 * that account again to copy them), and quits only on `Quit anyway`.
 */
export function QuitDialog(props: { onClose: () => void }) {
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
  const elsewhere = unsaved?.elsewhere ?? 0;

  return (
    <Dialog title="Quit Keytray?" onClose={props.onClose}>
      <div className="stack">
        <UnsavedKeysToCopy
          keyIds={keyIds}
          said={
            keyIds.length === 1
              ? 'This full key is only in memory (the keychain refused it): quitting loses it. Copy it now:'
              : `These ${keyIds.length} full keys are only in memory (the keychain refused them): quitting loses them. Copy them now:`
          }
        />
        {elsewhere > 0 && (
          <p>
            {elsewhere === 1
              ? '1 full key of another account is only in memory: quitting loses it. To copy it, cancel, connect that account again and copy it from the list.'
              : `${elsewhere} full keys of other accounts are only in memory: quitting loses them. To copy them, cancel, connect those accounts again and copy them from the list.`}
          </p>
        )}
        {unsaved && keyIds.length === 0 && elsewhere === 0 && (
          <p>Every full key Keytray holds is in your keychain: quitting loses nothing.</p>
        )}
        <ErrorAlert message={loadProblem} />
        {alert}
        <div className="buttons">
          <button type="button" className="primary" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run(() => keytray.app.quit(), props.onClose)}
          >
            Quit anyway
          </button>
        </div>
      </div>
    </Dialog>
  );
}
