import { attentionWords } from '../../electron/common/expiry.js';
import type { KeyList } from '../../electron/common/models.js';
import type { OnlyKeys } from '../hooks/use-key-filter.js';
import { ActionsMenu } from './actions-menu.js';
import '../styles/banners.css';

export type SnoozeUntil = 'tomorrow' | 'next-lead-time';

/** "Snooze…": for a day, or until the reminder after this one. Each item says what it does. */
function SnoozeMenu(props: { count: number; onSnooze: (until: SnoozeUntil) => void }) {
  return (
    <ActionsMenu
      text="Snooze…"
      label={props.count === 1 ? 'Snooze the reminder' : `Snooze reminders for ${props.count} keys`}
      items={[
        { label: 'Snooze for a day', onSelect: () => props.onSnooze('tomorrow') },
        { label: 'Snooze until the next reminder', onSelect: () => props.onSnooze('next-lead-time') },
      ]}
    />
  );
}

/**
 * Offline, keys that need attention, and a narrowed list: said in words, each with the actions that help. The
 * attention count is the one the tray and the grouped reminder show (`KeyList.attention`), with its horizon.
 */
export function StatusBanners(props: {
  list: KeyList | null;
  only: OnlyKeys | null;
  /** With the unused filter: how many of its keys "Disable these keys…" offers (none: no button). */
  disable?: { count: number; onDisable: () => void } | null;
  onShowAttention: () => void;
  onClearOnly: () => void;
  onSnooze: (keyIds: string[], until: SnoozeUntil) => void;
}) {
  const synced = props.list?.syncedAt ? new Date(props.list.syncedAt).toLocaleString() : null;
  const attention = props.list?.attention;
  const words = attention ? attentionWords(attention) : null;
  const { only, disable } = props;
  return (
    <>
      {props.list?.offline && (
        <div role="status" className="banner offline">
          Offline — Telnyx can't be reached.{' '}
          {synced ? `Showing the list from ${synced}.` : 'Showing what Keytray last saw.'}
        </div>
      )}
      {only ? (
        <div role="status" className="banner filter">
          <span className="banner-text">Showing {only.why}.</span>
          <span className="banner-actions">
            {only.snoozable && (
              <SnoozeMenu count={only.ids.size} onSnooze={(until) => props.onSnooze([...only.ids], until)} />
            )}
            {!!disable?.count && (
              <button type="button" className="text-button" onClick={disable.onDisable}>
                Disable {disable.count === 1 ? 'this key' : `these ${disable.count} keys`}…
              </button>
            )}
            <button type="button" className="text-button" onClick={props.onClearOnly}>
              Show all keys
            </button>
          </span>
        </div>
      ) : (
        attention &&
        words && (
          <div role="status" className="banner expiring">
            <span className="banner-text">{words}.</span>
            <span className="banner-actions">
              <button type="button" className="text-button" onClick={props.onShowAttention}>
                Show
              </button>
              <SnoozeMenu
                count={attention.keyIds.length}
                onSnooze={(until) => props.onSnooze(attention.keyIds, until)}
              />
            </span>
          </div>
        )
      )}
    </>
  );
}
