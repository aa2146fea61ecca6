import { memo } from 'react';
import type { KeyCopyFormat } from '../../electron/common/channels.js';
import { needsAttention } from '../../electron/common/expiry.js';
import type { KeyView } from '../../electron/common/models.js';
import { displayText } from '../../electron/common/text.js';
import {
  disableWhenText,
  expiryText,
  plannedDisableSentence,
  statusBadgeText,
  statusText,
  tagsKnown,
  unknownStatusWord,
  userText,
} from '../key-words.js';
import { usePendingDisables } from '../hooks/use-pending-disables.js';
import { lastUseText } from '../../electron/common/unused-keys.js';
import { ActionsMenu, type MenuItem } from './actions-menu.js';
import { Switch } from './switch.js';
import { Icon } from './icons.js';
import { KeyTags } from './key-tags.js';
import '../styles/key-row.css';
import { PendingDisableStatus } from './pending-disable-status.js';

export type KeyActions = {
  copy(id: string, format: KeyCopyFormat): void;
  setEnabled(id: string, enabled: boolean): void;
  editTags(id: string): void;
  pin(id: string, pinned: boolean): void;
  saveSecret(id: string): void;
  changeSecret(id: string): void;
  forgetSecret(id: string): void;
  reveal(id: string): void;
  remove(id: string): void;
  replace(id: string): void;
  renamePin(id: string): void;
  rename(id: string): void;
  /** `Permissions…`: the key's scope statements, read-only. */
  scopes(id: string): void;
};

export type KeyPermissions = {
  toggle: boolean;
  editTags: boolean;
  remove: boolean;
  /** The key Keytray itself connects with: its saved full key cannot be forgotten (Disconnect instead). */
  connectedKeyId: string;
  /** The IAM user of that key, when Telnyx names it: keys of the same user need no "a member". */
  connectedUserId: string | null;
};

/**
 * One key: its name (when it has one) and id, status, expiry and user in words, its tags, and its actions.
 * Memoised: rows re-render only when their key does.
 */
export const KeyRow = memo(function KeyRow(props: {
  item: KeyView;
  now: Date;
  /** Expiring within this many days is highlighted: "needs attention", as the banner and the tray count. */
  horizonDays: number;
  index: number;
  setSize: number;
  active: boolean;
  top: number;
  actions: KeyActions;
  permissions: KeyPermissions;
}) {
  const { item: key, actions, permissions } = props;
  const tab = props.active ? 0 : -1;
  // Switched off, waiting out its Undo window: shown off, nothing sent to Telnyx yet.
  const pendingDisable = usePendingDisables().pendingFor(key.id);
  /** The key Keytray connects with: the core refuses to turn it off, delete it or forget it. */
  const connected = key.id === permissions.connectedKeyId;
  const expiry = expiryText(key, props.now);
  const lastUse = lastUseText(key, props.now);
  const soon = needsAttention(key, props.now, props.horizonDays) === 'expiring';
  const status = statusText(key);
  const statusWord = unknownStatusWord(key);
  const user = userText(key, permissions.connectedUserId);
  const name = key.name ? displayText(key.name) : null;
  const tags = tagsKnown(key)
    ? key.tags.length
      ? `, tags ${key.tags.map(displayText).join(', ')}`
      : ''
    : ', tags unknown';

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

  return (
    <li
      className={`key-row status-${key.status}`}
      style={{ transform: `translateY(${props.top}px)` }}
      tabIndex={tab}
      data-index={props.index}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      aria-label={`${name ? `${name}, ` : ''}${key.id}, ${status}, ${expiry}, ${lastUse}${user ? `, user ${user}` : ''}${tags}`}
    >
      <div className="key-line key-top">
        {name && (
          <strong className="key-name" title={name}>
            {name}
          </strong>
        )}
        <code className="key-id">{key.id}</code>
        <span
          className={`status status-${key.status}`}
          title={
            key.status === 'unknown'
              ? "Telnyx sent a status Keytray does not know, so it can't say whether this key is on"
              : undefined
          }
        >
          {statusBadgeText(key)}
        </span>
      </div>
      <div className="key-main">
        {pendingDisable ? (
          <PendingDisableStatus id={key.id} pending={pendingDisable} tabIndex={tab} />
        ) : (
          <div className="key-line meta">
            <span className={soon ? 'expiry soon' : key.status === 'expired' ? 'expiry expired' : 'expiry'}>
              {expiry}
            </span>
            {key.disableAt && (
              <span className="expiry soon" title={plannedDisableSentence(key.disableAt)}>
                disabled {disableWhenText(key.disableAt, props.now)}
              </span>
            )}
            {key.unsaved && <span className="unsaved">not saved in keychain</span>}
            <span className="last-use">{lastUse}</span>
            {user && (
              <span className="user" title={user}>
                {user}
              </span>
            )}
          </div>
        )}
        {(statusWord || !tagsKnown(key) || key.tags.length > 0) && (
          // Said in the row's name already; here for the eye. Telnyx's status word sits here, not in the
          // badge: beside the id it would push the id out of view.
          <KeyTags
            tags={tagsKnown(key) ? key.tags : []}
            said={[
              ...(statusWord ? [`Telnyx says "${statusWord}"`] : []),
              ...(tagsKnown(key) ? [] : ['tags unknown']),
            ]}
          />
        )}
      </div>
      <div className="key-actions">
        {key.hasSecret ? (
          <button
            type="button"
            className="icon-button"
            aria-label={`Copy ${key.id}`}
            title="Copy key"
            tabIndex={tab}
            onClick={() => actions.copy(key.id, 'raw')}
          >
            <Icon name="copy" />
          </button>
        ) : (
          <button
            type="button"
            className="text-button"
            aria-label={`Save the full key ${key.id}`}
            title="Paste the full key so Keytray can copy it"
            tabIndex={tab}
            onClick={() => actions.saveSecret(key.id)}
          >
            {/* Short enough for the row; "full key" is in the button's name too (what voice control hears). */}
            <Icon name="plus" />
            Full key
          </button>
        )}
        {permissions.toggle && !connected && key.status !== 'expired' && key.status !== 'unknown' && (
          <Switch
            label={`Enabled ${key.id}`}
            checked={key.status === 'active' && !pendingDisable}
            tabIndex={tab}
            onChange={(on) => actions.setEnabled(key.id, on)}
          />
        )}
        {permissions.editTags && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Edit tags ${key.id}`}
            title="Edit tags"
            tabIndex={tab}
            onClick={() => actions.editTags(key.id)}
          >
            <Icon name="tag" />
          </button>
        )}
        <button
          type="button"
          className="icon-button pin"
          aria-label={`Pin ${key.id}`}
          title={key.pinned ? 'Unpin from the tray menu' : 'Pin to the tray menu'}
          aria-pressed={key.pinned}
          tabIndex={tab}
          onClick={() => actions.pin(key.id, !key.pinned)}
        >
          <Icon name="pin" />
        </button>
        <ActionsMenu label={`More actions ${key.id}`} items={menu} tabIndex={tab} />
      </div>
    </li>
  );
});
