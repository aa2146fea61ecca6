import { attentionWords } from '../../common/expiry.js';
import { shortKeyId } from '../../common/key-id.js';
import type { Attention, KeyStatus } from '../../common/models.js';
import { displayText } from '../../common/text.js';
import type { Pin } from '../settings/stored-state.js';

export type TrayMenuItem =
  | { kind: 'open'; label: 'Open Keytray' }
  | { kind: 'copy'; label: string; target: { kind: 'key' | 'token'; id: string } }
  /** A line that says how to get something into the menu: shown greyed out, does nothing. */
  | { kind: 'hint'; label: string }
  | { kind: 'separator' }
  | { kind: 'sync'; label: 'Sync now' }
  | { kind: 'settings'; label: 'Settings…' }
  | { kind: 'quit'; label: 'Quit' }
  /** Only in the Electron shell, and only in a build with an update feed (see `withUpdateItem`). */
  | { kind: 'check-updates'; label: 'Check for updates…' }
  | { kind: 'restart-to-update'; label: 'Restart to update' };

export type TrayModel = {
  /** Names the horizon with the number: "Keytray — 2 keys expire within 30 days". Shown on every platform. */
  tooltip: string;
  /** `attention` when a key needs attention (the one rule): notifications can be hidden (DND), the icon stays. */
  icon: 'normal' | 'attention';
  /**
   * How many keys need attention (0 = none): the badge where the platform draws one (the preview's tray, the
   * macOS menu-bar title), the same number as the tooltip, the popup's banner and the grouped reminder.
   */
  badge: number;
  menu: TrayMenuItem[];
};

type TrayKey = {
  id: string;
  tags: string[];
  status: KeyStatus;
  expiresAt: string | null;
  hasSecret: boolean;
  /** The person's name for the key (`Rename…`), shown before tags. */
  name?: string | null;
};
type TrayToken = { id: string; name: string };

/**
 * The default tray label of a pinned key: the name the person gave it, else its first tag and the tail of its
 * id ("prod …AB34"). The tag is Telnyx's, kept as it came: cleaned here, since a control character would break
 * the native menu.
 */
export function defaultKeyLabel(key: { id: string; tags: string[]; name?: string | null }): string {
  if (key.name) return displayText(key.name);
  const tail = `…${key.id.slice(-4)}`;
  return key.tags[0] ? `${displayText(key.tags[0])} ${tail}` : shortKeyId(key.id);
}

/** Labels and names are checked when typed; ones saved before that check are cleaned here. */
const pinLabel = (pin: Pin) => (pin.label === null ? null : displayText(pin.label));

/**
 * What the tray shows, as data: each shell turns it into its own menu (Electron's `Menu`, the preview's
 * HTML menu), so the two can't drift. Pure, and table-tested.
 */
export function buildTrayModel(input: {
  keys: readonly TrayKey[];
  tokens: readonly TrayToken[];
  pins: readonly Pin[];
  /** The keys that need attention (`KeyList.attention`); null when no account is connected. */
  attention: Attention | null;
  connected: boolean;
}): TrayModel {
  const expiring = input.attention?.expiring ?? 0;
  const expired = input.attention?.expired ?? 0;

  const copyItems: TrayMenuItem[] = [];
  for (const pin of input.pins) {
    if (pin.kind === 'key') {
      const key = input.keys.find((k) => k.id === pin.id);
      if (key?.hasSecret) {
        copyItems.push({ kind: 'copy', label: `Copy ${pinLabel(pin) ?? defaultKeyLabel(key)}`, target: pin });
      }
    } else {
      const token = input.tokens.find((t) => t.id === pin.id);
      if (token) {
        copyItems.push({
          kind: 'copy',
          label: `Copy ${pinLabel(pin) ?? displayText(token.name)}`,
          target: pin,
        });
      }
    }
  }

  const words = input.attention
    ? attentionWords({ expiring, expired, horizonDays: input.attention.horizonDays })
    : null;
  const said = !input.connected ? 'not connected' : words;
  // Before anything is copyable from here, the menu says how to make it so (pins without a saved full key
  // are left out: there is nothing to copy).
  const hint: TrayMenuItem | null = !input.connected
    ? null
    : input.pins.length === 0
      ? { kind: 'hint', label: 'Pin a key or token in Keytray to copy it from here' }
      : copyItems.length === 0
        ? { kind: 'hint', label: 'Pinned keys show here once Keytray holds their full key' }
        : null;
  const middle = copyItems.length ? copyItems : hint ? [hint] : [];

  return {
    tooltip: said ? `Keytray — ${said}` : 'Keytray',
    icon: expiring + expired > 0 ? 'attention' : 'normal',
    badge: expiring + expired,
    menu: [
      { kind: 'open', label: 'Open Keytray' },
      ...(middle.length ? [{ kind: 'separator' } as const, ...middle, { kind: 'separator' } as const] : []),
      { kind: 'sync', label: 'Sync now' },
      { kind: 'settings', label: 'Settings…' },
      { kind: 'quit', label: 'Quit' },
    ],
  };
}

/**
 * The update item, for a build that has an update feed (the Electron shell adds it; the preview has none):
 * `Check for updates…`, or `Restart to update` once an update is downloaded, just above Quit. Nothing is
 * installed until the person chooses it (or clicks the notification that says the same).
 */
export function withUpdateItem(model: TrayModel, update: 'check' | 'restart'): TrayModel {
  const item: TrayMenuItem =
    update === 'restart'
      ? { kind: 'restart-to-update', label: 'Restart to update' }
      : { kind: 'check-updates', label: 'Check for updates…' };
  const quit = model.menu.findIndex((entry) => entry.kind === 'quit');
  const at = quit < 0 ? model.menu.length : quit;
  return { ...model, menu: [...model.menu.slice(0, at), item, ...model.menu.slice(at)] };
}
