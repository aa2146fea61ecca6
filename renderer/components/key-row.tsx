import { lazy, memo, Suspense } from 'react';
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
import { ActionsMenu } from './actions-menu.js';
import { Switch } from './switch.js';
import { Icon } from './icons.js';
import { KeyTags } from './key-tags.js';
import '../styles/key-row.css';

/** "disabling in 5 s — Undo": loaded the first time a key is switched off (the first screen has a budget). */
const PendingDisableStatus = lazy(() =>
  import('./pending-disable-status.js').then((m) => ({ default: m.PendingDisableStatus })),
);

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
  /** The keys Keytray connects its accounts with (`AccountStatus.accountKeyIds`): not offered with the unused. */
  accountKeyIds: readonly string[];
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
          <Suspense fallback={null}>
            <PendingDisableStatus id={key.id} pending={pendingDisable} tabIndex={tab} />
          </Suspense>
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
        <ActionsMenu
          label={`More actions ${key.id}`}
          items={() => import('./key-menu.js').then((m) => m.keyMenu(key, actions, permissions))}
          tabIndex={tab}
        />
      </div>
    </li>
  );
});
