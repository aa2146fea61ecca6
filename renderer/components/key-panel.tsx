import { lazy, Suspense, type Ref } from 'react';
import type {
  AccountMode,
  Capabilities,
  KeyList as KeyListData,
  KeyView,
} from '../../electron/common/models.js';
import type { OnlyKeys } from '../hooks/use-key-filter.js';
import { KeyList, type KeyListHandle } from './key-list.js';
import type { KeyActions, KeyPermissions } from './key-row.js';
import { StatusBanners, type SnoozeUntil } from './notices.js';
import { TagFilters } from './tag-filters.js';
import { whyLeftOut } from '../../electron/common/unused-keys.js';

/**
 * What this account cannot do from Keytray (and the demo's note): loaded only for an account that has
 * something to be told; an owner's has nothing, and the first screen has a size budget.
 */
const PortalNotes = lazy(() => import('./portal-notes.js').then((m) => ({ default: m.PortalNotes })));
const hasPortalNotes = (capabilities: Capabilities, mode: AccountMode) =>
  mode === 'demo' || !capabilities.isOwner || capabilities.editTags === 'unavailable';

/**
 * The API keys tab: quick tag filters, the banners (offline, what needs attention, a narrowed list), what this
 * account can't do, and the list itself, or a sentence when there is nothing to list.
 */
export function KeyPanel(props: {
  list: KeyListData | null;
  shown: KeyView[];
  /** Nothing narrows the list (no search, tag or filter): `shown` is every key held. */
  unfiltered: boolean;
  now: Date;
  quickTags: string[];
  pressedTags: string[];
  onToggleTag: (tag: string) => void;
  only: OnlyKeys | null;
  onOnly: (only: OnlyKeys | null) => void;
  onSnooze: (keyIds: string[], until: SnoozeUntil) => void;
  capabilities: Capabilities;
  mode: AccountMode;
  listRef: Ref<KeyListHandle>;
  actions: KeyActions;
  permissions: KeyPermissions;
  onLeaveTop: () => void;
  /** The unused filter: null when Telnyx reports no key's last use (a filter that could find nothing). */
  unused: { days: number; pressed: boolean; onToggle: () => void } | null;
  /** "Disable these N keys…": the keys in view it offers (`whyLeftOut`). */
  onDisableUnused: (ids: string[]) => void;
}) {
  const { list, unused, permissions } = props;
  const attention = list?.attention;
  const offered =
    unused?.pressed && permissions.toggle
      ? props.shown.filter((k) => !whyLeftOut(k, permissions.accountKeyIds)).map((k) => k.id)
      : [];
  return (
    <section id="panel-keys" role="tabpanel" aria-labelledby="tab-keys" className="panel">
      <TagFilters
        tags={props.quickTags}
        pressed={props.pressedTags}
        onToggle={props.onToggleTag}
        unused={unused}
      />
      <StatusBanners
        list={list}
        // The unused filter says itself as a narrowed list does, with "Disable these N keys…" beside it.
        only={
          unused?.pressed
            ? {
                ids: new Set(),
                why: `${props.shown.length === 1 ? 'the key' : `the ${props.shown.length} keys`} not used for ${unused.days} days`,
                snoozable: false,
              }
            : props.only
        }
        disable={{ count: offered.length, onDisable: () => props.onDisableUnused(offered) }}
        onShowAttention={() =>
          attention &&
          props.onOnly({
            ids: new Set(attention.keyIds),
            why:
              attention.keyIds.length === 1
                ? 'the key that needs attention'
                : `the ${attention.keyIds.length} keys that need attention`,
            snoozable: true,
          })
        }
        onClearOnly={() => (unused?.pressed ? unused.onToggle() : props.onOnly(null))}
        onSnooze={props.onSnooze}
      />
      {hasPortalNotes(props.capabilities, props.mode) && (
        <Suspense fallback={null}>
          <PortalNotes capabilities={props.capabilities} mode={props.mode} />
        </Suspense>
      )}
      {list === null ? (
        <p className="empty">Loading keys…</p>
      ) : props.shown.length === 0 ? (
        <p className="empty">
          {list.keys.length === 0
            ? 'No keys yet. Create one with +, or get the latest from Telnyx with ↻.'
            : 'No key matches.'}
        </p>
      ) : (
        <KeyList
          ref={props.listRef}
          keys={props.shown}
          size={props.unfiltered ? list.total : undefined}
          now={props.now}
          horizonDays={list.attention.horizonDays}
          actions={props.actions}
          permissions={props.permissions}
          onLeaveTop={props.onLeaveTop}
        />
      )}
    </section>
  );
}
