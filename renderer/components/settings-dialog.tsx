import type { Preferences } from '../../electron/common/models.js';
import {
  CLIPBOARD_CLEAR_CHOICES,
  REMINDER_LEAD_CHOICES,
  UNUSED_AFTER_CHOICES,
} from '../../electron/common/preference-choices.js';
import type { Result } from '../../electron/common/result.js';
import { useSubmit } from '../hooks/use-submit.js';
import { Dialog, Switch } from './dialog.js';
import { ShortcutField } from './shortcut-field.js';
import '../styles/settings.css';

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

/**
 * Settings apply as they change, like a native preferences window; a refused shortcut says why. Compact, so
 * it fits the popup at its smallest (320×440) with Done in view: one line per setting, short hints.
 */
export function SettingsDialog(props: {
  preferences: Preferences;
  update: (patch: Partial<Preferences>) => Promise<Result<Preferences>>;
  onDisconnect: () => void;
  /** "Add account…": another Telnyx account (or the demo) beside this one; switch from the header. */
  onAddAccount: () => void;
  onCheckCompatibility: () => void;
  onExport: () => void;
  onClose: () => void;
}) {
  const { preferences: p } = props;
  const { run, alert } = useSubmit();
  const apply = (patch: Partial<Preferences>) =>
    void run(
      () => props.update(patch),
      () => {},
    );
  const toggleLead = (days: (typeof REMINDER_LEAD_CHOICES)[number], on: boolean) =>
    apply({
      reminderLeadDays: on ? [...p.reminderLeadDays, days] : p.reminderLeadDays.filter((d) => d !== days),
    });

  return (
    <Dialog title="Settings" onClose={props.onClose}>
      <div className="stack settings">
        <label className="inline">
          Clear clipboard after
          <select
            value={p.clipboardClearSeconds}
            onChange={(e) =>
              apply({ clipboardClearSeconds: Number(e.target.value) as Preferences['clipboardClearSeconds'] })
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
        <label className="inline" title="The key list's filter, and the keys Disable these keys… offers">
          Unused after
          <select
            value={p.unusedAfterDays}
            onChange={(e) =>
              apply({ unusedAfterDays: Number(e.target.value) as Preferences['unusedAfterDays'] })
            }
          >
            {UNUSED_AFTER_CHOICES.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </label>
        <div className="setting-action">
          <button type="button" onClick={props.onExport}>
            Export expiry dates…
          </button>
          <p className="hint">A calendar file, with these reminders as alarms.</p>
        </div>
        <ShortcutField
          accelerator={p.globalShortcut}
          onChange={(globalShortcut) => apply({ globalShortcut })}
        />
        <Switch
          label="Launch at login"
          visibleLabel
          checked={p.launchAtLogin}
          onChange={(on) => apply({ launchAtLogin: on })}
        />
        <Switch
          label="Hide after copy"
          visibleLabel
          checked={p.hideAfterCopy}
          onChange={(on) => apply({ hideAfterCopy: on })}
        />
        {alert}
        <div className="setting-action">
          <button type="button" onClick={props.onCheckCompatibility}>
            Check Telnyx compatibility
          </button>
          <p className="hint">
            Read-only: shows what Telnyx’s answers look like, to share if something is off.
          </p>
        </div>
        <div className="setting-action">
          <button type="button" onClick={props.onAddAccount}>
            Add account…
          </button>
          <p className="hint">
            Another Telnyx account, like Staging beside Production; switch from the header.
          </p>
        </div>
        <p className="hint">
          Disconnect stops using this account. Its saved full keys and V1 tokens stay in your keychain and
          come back when you connect it again.
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
