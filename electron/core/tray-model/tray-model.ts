import { isExpired, isExpiringSoon } from '../../common/expiry.js';
import { shortKeyId } from '../../common/key-id.js';
import type { KeyStatus } from '../../common/models.js';
import { displayText } from '../../common/text.js';
import type { Pin } from '../settings/stored-state.js';

export type TrayMenuItem =
  | { kind: 'open'; label: 'Open Keytray' }
  | { kind: 'copy'; label: string; target: { kind: 'key' | 'token'; id: string } }
  | { kind: 'separator' }
  | { kind: 'sync'; label: 'Sync now' }
  | { kind: 'settings'; label: 'Settings…' }
  | { kind: 'quit'; label: 'Quit' };

export type TrayModel = {
  tooltip: string;
  /** `attention` when a key expires within a week or has expired: notifications can be hidden (DND). */
  icon: 'normal' | 'attention';
  expiringSoon: number;
  expired: number;
  menu: TrayMenuItem[];
};

type TrayKey = {
  id: string;
  tags: string[];
  status: KeyStatus;
  expiresAt: string | null;
  hasSecret: boolean;
};
type TrayToken = { id: string; name: string };

/**
 * The default tray label of a pinned key: its first tag and the tail of its id ("prod …AB34"). The tag is
 * Telnyx's, kept as it came: cleaned here, since a control character would break the native menu.
 */
export function defaultKeyLabel(key: { id: string; tags: string[] }): string {
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
  now: Date;
  connected: boolean;
}): TrayModel {
  const active = input.keys.filter((k) => k.status !== 'inactive');
  const expiringSoon = active.filter((k) => isExpiringSoon(k.expiresAt, input.now)).length;
  const expired = active.filter((k) => k.status === 'expired' || isExpired(k.expiresAt, input.now)).length;

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

  const parts: string[] = [];
  if (!input.connected) parts.push('not connected');
  if (expiringSoon > 0)
    parts.push(`${expiringSoon} ${expiringSoon === 1 ? 'key expires' : 'keys expire'} soon`);
  if (expired > 0) parts.push(`${expired} ${expired === 1 ? 'key has' : 'keys have'} expired`);

  return {
    tooltip: parts.length ? `Keytray — ${parts.join(', ')}` : 'Keytray',
    icon: expiringSoon > 0 || expired > 0 ? 'attention' : 'normal',
    expiringSoon,
    expired,
    menu: [
      { kind: 'open', label: 'Open Keytray' },
      ...(copyItems.length
        ? [{ kind: 'separator' } as const, ...copyItems, { kind: 'separator' } as const]
        : []),
      { kind: 'sync', label: 'Sync now' },
      { kind: 'settings', label: 'Settings…' },
      { kind: 'quit', label: 'Quit' },
    ],
  };
}
