import { useEffect, useRef, useState } from 'react';
import type { AccountStatus } from '../../electron/common/models.js';
import { keytray } from '../bridge.js';
import { AccountMenu } from './account-menu.js';
import '../styles/accounts.css';

export type AccountActions = {
  onSwitch: (id: string) => void;
  onAdd: () => void;
  onRename: () => void;
  onRemove: () => void;
};

/**
 * Why the last switch failed (the account's key left the keychain): said by the switcher that mounts next,
 * since the view was cleared while main answered.
 */
let lastProblem: string | null = null;

/**
 * Switches to another account. The popup shows neither account while main answers (`onSwitching`), so no
 * frame has one account's rows under the other's name; the kept list of the new one then shows at once.
 */
export async function switchAccount(
  id: string,
  onSwitching: (switching: boolean) => void,
  onStatus: (status: AccountStatus) => void,
) {
  onSwitching(true);
  lastProblem = null;
  const result = await keytray.account.switch({ id });
  if (!result.ok) lastProblem = result.error.message;
  onSwitching(false);
  if (result.ok) onStatus(result.value);
}

/**
 * The active account, named, above the tabs (loaded and shown only when there is more than one): a menu
 * button listing every account, the active one checked, with Add account…, Rename… and Remove… of the
 * active one.
 */
export function AccountSwitcher(props: { name: string } & AccountActions) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setProblem(lastProblem);
    lastProblem = null;
  }, []);
  return (
    <div className="account-bar">
      <button
        type="button"
        ref={button}
        className="account-button"
        aria-label={`Account: ${props.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title="Switch account"
        onClick={() => (setProblem(null), setOpen(!open))}
      >
        <span className="account-dot" aria-hidden="true" />
        <span className="account-name">{props.name}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {problem && (
        <p role="alert" className="error account-problem">
          {problem}
        </p>
      )}
      {open && (
        <AccountMenu
          anchor={button}
          onClose={(refocus) => {
            setOpen(false);
            if (refocus) button.current?.focus();
          }}
          actions={props}
        />
      )}
    </div>
  );
}
