import { attentionWords } from '../../common/expiry.js';
import { shortKeyId } from '../../common/key-id.js';
import type { Attention, KeyStatus } from '../../common/models.js';
import { displayText } from '../../common/text.js';
import type { Pin } from '../settings/stored-state.js';

export type TrayMenuItem =
  | { kind: 'open'; label: 'Open Keytray' }
  /** `target.account`: the account it belongs to, when it is not the active one (copied without switching). */
  | { kind: 'copy'; label: string; target: CopyTarget }
  /** A line that says how to get something into the menu: shown greyed out, does nothing. */
  | { kind: 'hint'; label: string }
  /** One of several accounts (a radio item; the active one checked): choosing it switches to it. */
  | { kind: 'account'; label: string; accountId: string; active: boolean }
  /** An account's name above its pinned items, when there are several accounts: greyed out, does nothing. */
  | { kind: 'heading'; label: string }
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

export type CopyTarget = { kind: 'key' | 'token'; id: string; account?: string };

/** An account that is not the active one: its name, and the pinned items that can be copied from it. */
export type OtherAccountPins = {
  accountId: string;
  name: string;
  items: readonly { label: string; target: { kind: 'key' | 'token'; id: string } }[];
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
  /** Every account, when there is more than one (the active one marked): the menu lists them to switch. */
  accounts?: readonly { id: string; name: string; active: boolean }[];
  /** The other accounts' pinned items: grouped under each account's name, below the active one's. */
  otherPins?: readonly OtherAccountPins[];
  /** The other accounts' keys that need attention: counted in the badge, named in the tooltip. */
  otherAttention?: readonly { name: string; attention: Attention }[];
}): TrayModel {
  const needy = (input.otherAttention ?? []).filter((o) => o.attention.expiring + o.attention.expired > 0);
  const expiring = (input.attention?.expiring ?? 0) + needy.reduce((n, o) => n + o.attention.expiring, 0);
  const expired = (input.attention?.expired ?? 0) + needy.reduce((n, o) => n + o.attention.expired, 0);

  const copyItems: TrayMenuItem[] = [];
  for (const pin of input.pins) {
    if (pin.kind === 'key') {
      const key = input.keys.find((k) => k.id === pin.id);
      if (key?.hasSecret) {
        copyItems.push({
          kind: 'copy',
          label: `Copy ${pinLabel(pin) ?? defaultKeyLabel(key)}`,
          target: { kind: pin.kind, id: pin.id },
        });
      }
    } else {
      const token = input.tokens.find((t) => t.id === pin.id);
      if (token) {
        copyItems.push({
          kind: 'copy',
          label: `Copy ${pinLabel(pin) ?? displayText(token.name)}`,
          target: { kind: pin.kind, id: pin.id },
        });
      }
    }
  }

  const ownWords = input.attention
    ? attentionWords({
        expiring: input.attention.expiring,
        expired: input.attention.expired,
        horizonDays: input.attention.horizonDays,
      })
    : null;
  // Several accounts need attention: each named ("Production: 2 keys expire within 30 days · Staging: …").
  const activeName = input.accounts?.find((a) => a.active)?.name;
  const words =
    needy.length === 0
      ? ownWords
      : [
          ...(ownWords ? [activeName ? `${displayText(activeName)}: ${ownWords}` : ownWords] : []),
          ...needy.map((o) => `${displayText(o.name)}: ${attentionWords(o.attention) ?? ''}`),
        ].join(' · ');
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
  const several = (input.accounts?.length ?? 0) > 1;
  const active = input.accounts?.find((a) => a.active);
  const own = copyItems.length ? copyItems : hint ? [hint] : [];
  // Several accounts: each account's pinned items under its name, the active one's first.
  const others = (input.otherPins ?? []).filter((group) => group.items.length > 0);
  const middle: TrayMenuItem[] =
    several && others.length > 0
      ? [
          ...(active && own.length ? [{ kind: 'heading', label: displayText(active.name) } as const] : []),
          ...own,
          ...others.flatMap((group): TrayMenuItem[] => [
            { kind: 'heading', label: displayText(group.name) },
            ...group.items.map((item): TrayMenuItem => ({
              kind: 'copy',
              label: `Copy ${displayText(item.label)}`,
              target: { ...item.target, account: group.accountId },
            })),
          ]),
        ]
      : own;
  const accountItems: TrayMenuItem[] = several
    ? (input.accounts ?? []).map((a) => ({
        kind: 'account',
        label: displayText(a.name),
        accountId: a.id,
        active: a.active,
      }))
    : [];

  return {
    tooltip: said ? `Keytray — ${said}` : 'Keytray',
    icon: expiring + expired > 0 ? 'attention' : 'normal',
    badge: expiring + expired,
    menu: [
      { kind: 'open', label: 'Open Keytray' },
      ...(accountItems.length ? [{ kind: 'separator' } as const, ...accountItems] : []),
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
