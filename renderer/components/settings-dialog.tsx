import { useState } from 'react';
import {
  CLIPBOARD_CLEAR_CHOICES,
  REMINDER_LEAD_CHOICES,
  type Preferences,
} from '../../electron/common/models.js';
import type { Result } from '../../electron/common/result.js';
import { Dialog, ErrorAlert, Switch } from './dialog.js';

const CLEAR_LABELS: Record<(typeof CLIPBOARD_CLEAR_CHOICES)[number], string> = {
  0: 'Never',
  10: '10 s',
  30: '30 s',
  60: '60 s',
  90: '90 s',
  120: '2 min',
};
const LEAD_LABELS: Record<(typeof REMINDER_LEAD_CHOICES)[number], string> = {
  30: '30 days before',
  7: '7 days before',
  1: '1 day before',
  0: 'On the day',
};

/** Settings apply as they change, like a native preferences window; a refused shortcut says why. */
export function SettingsDialog(props: {
  preferences: Preferences;
  update: (patch: Partial<Preferences>) => Promise<Result<Preferences>>;
  onDisconnect: () => void;
  onCheckCompatibility: () => void;
  onExport: () => void;
  onClose: () => void;
}) {
  const { preferences: p } = props;
  const [shortcut, setShortcut] = useState(p.globalShortcut);
  const [problem, setProblem] = useState<string | null>(null);
  const apply = async (patch: Partial<Preferences>) => {
    const result = await props.update(patch);
    setProblem(result.ok ? null : result.error.message);
  };
  const toggleLead = (days: (typeof REMINDER_LEAD_CHOICES)[number], on: boolean) =>
    void apply({
      reminderLeadDays: on ? [...p.reminderLeadDays, days] : p.reminderLeadDays.filter((d) => d !== days),
    });

  return (
    <Dialog title="Settings" onClose={props.onClose}>
      <div className="stack settings">
        <label>
          Clear clipboard after
          <select
            value={p.clipboardClearSeconds}
            onChange={(e) =>
              void apply({
                clipboardClearSeconds: Number(e.target.value) as Preferences['clipboardClearSeconds'],
              })
            }
          >
            {CLIPBOARD_CLEAR_CHOICES.map((seconds) => (
              <option key={seconds} value={seconds}>
                {CLEAR_LABELS[seconds]}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Remind me</legend>
          {REMINDER_LEAD_CHOICES.map((days) => (
            <label key={days} className="check">
              <input
                type="checkbox"
                checked={p.reminderLeadDays.includes(days)}
                onChange={(e) => toggleLead(days, e.target.checked)}
              />
              {LEAD_LABELS[days]}
            </label>
          ))}
        </fieldset>
        <div>
          <button type="button" onClick={props.onExport}>
            Export expiry dates…
          </button>
          <p className="hint">
            A calendar file with each key's expiry date and an alarm, for your calendar app.
          </p>
        </div>
        <label>
          Global shortcut
          <input
            type="text"
            value={shortcut}
            spellCheck={false}
            placeholder="Off"
            onChange={(e) => setShortcut(e.target.value)}
            onBlur={() => shortcut !== p.globalShortcut && void apply({ globalShortcut: shortcut.trim() })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void apply({ globalShortcut: shortcut.trim() });
              }
            }}
          />
        </label>
        <p className="hint">
          Like CommandOrControl+Shift+K; leave empty to turn it off. On Wayland desktops a global shortcut may
          not work.
        </p>
        <Switch
          label="Launch at login"
          visibleLabel
          checked={p.launchAtLogin}
          onChange={(on) => void apply({ launchAtLogin: on })}
        />
        <Switch
          label="Hide after copy"
          visibleLabel
          checked={p.hideAfterCopy}
          onChange={(on) => void apply({ hideAfterCopy: on })}
        />
        <ErrorAlert message={problem} />
        <div>
          <button type="button" onClick={props.onCheckCompatibility}>
            Check Telnyx compatibility
          </button>
          <p className="hint">
            Asks Telnyx a few read-only questions and shows what its answers look like (field names only), to
            copy and share if something looks wrong.
          </p>
        </div>
        <hr />
        <p className="hint">
          Disconnect stops using this account. Its saved full keys and V1 tokens stay in your keychain, filed
          under this account, and come back when you connect it again.
        </p>
        <div className="buttons">
          <button type="button" className="danger" onClick={props.onDisconnect}>
            Disconnect
          </button>
          <button type="button" className="primary" onClick={props.onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
