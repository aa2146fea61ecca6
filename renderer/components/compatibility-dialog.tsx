import { useState } from 'react';
import { COMPATIBILITY_CHECK_DISCLOSURE } from '../../electron/common/compatibility-check.js';
import { keytray } from '../bridge.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog } from './dialog.js';
import '../styles/compatibility.css';

/**
 * `Check Telnyx compatibility`: says exactly what the check sends and what its report holds before anything is
 * sent, then shows the report (field names and types only) as text the person can read and copy. Main does the
 * copying, of the report it made itself.
 */
export function CompatibilityDialog(props: { onClose: () => void }) {
  const [report, setReport] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { busy, run, alert } = useSubmit();
  return (
    <Dialog title="Check Telnyx compatibility" onClose={props.onClose}>
      <div className="stack">
        {report === null ? (
          <pre className="report" aria-label="What the check sends">
            {COMPATIBILITY_CHECK_DISCLOSURE}
          </pre>
        ) : (
          <pre className="report" aria-label="Report" tabIndex={0}>
            {report}
          </pre>
        )}
        {alert}
        <p role="status" className="hint">
          {copied ? 'Report copied.' : ''}
        </p>
        <div className="buttons">
          <button type="button" onClick={props.onClose}>
            {report === null ? 'Cancel' : 'Done'}
          </button>
          {report === null ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => keytray.telnyx.checkCompatibility(),
                  (value) => setReport(value.text),
                )
              }
            >
              {busy ? 'Checking…' : 'Run the check'}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={() =>
                void run(
                  () => keytray.telnyx.copyCompatibilityReport(),
                  () => setCopied(true),
                )
              }
            >
              Copy report
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
