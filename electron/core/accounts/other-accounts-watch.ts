import type { Attention } from '../../common/models.js';
import type { Desktop, Logger } from '../ports.js';
import { attentionOf } from '../reminders/attention.js';
import { collectDue, type WatchedKey } from '../reminders/collect-due.js';
import { reminderNotification, withAccountName } from '../reminders/reminder-text.js';
import type { DocumentStore } from '../settings/json-store.js';
import { EMPTY_ACCOUNT_DATA, type SettingsFile } from '../settings/stored-state.js';
import type { KeyRecord } from '../telnyx/unverified.js';
import { accountIdOf } from './known-accounts.js';

/** How long another account's list is good for: its reminders look at it hourly, as the active one's do. */
const LIST_FRESH_MS = 55 * 60_000;

type Watched = { keys: WatchedKey[]; at: number };

/**
 * The accounts that are not active still remind: each is listed with its own key (at most hourly), its
 * reminders are checked against its own log (filed under it, so switching never repeats one) and announced
 * with its name ("Staging: Telnyx key expires in 3 days"). The demo never is: its keys are simulated. The
 * lists also feed the tray's count and the calendar export, so both cover every account.
 */
export function createOtherAccountsWatch(deps: {
  settings: DocumentStore<SettingsFile>;
  /** The active account's scope: it is watched by the reminder service itself. */
  activeScope: () => string | null;
  listKeysOf: (scope: string) => Promise<KeyRecord[] | null>;
  desktop: Pick<Desktop, 'notify'>;
  logger: Logger;
  now: () => Date;
}) {
  const lists = new Map<string, Watched>();

  /** The real accounts other than the active one, as the settings know them. */
  function others(file: SettingsFile) {
    const active = deps.activeScope();
    return file.known.filter((k) => k.mode === 'telnyx' && accountIdOf(k) !== active);
  }

  async function refresh(scope: string, now: number): Promise<Watched | null> {
    const held = lists.get(scope);
    if (held && now - held.at < LIST_FRESH_MS) return held;
    try {
      const keys = await deps.listKeysOf(scope);
      if (keys === null) return held ?? null;
      const watched = {
        keys: keys.map(({ id, tags, status, expiresAt }) => ({ id, tags, status, expiresAt })),
        at: now,
      };
      lists.set(scope, watched);
      return watched;
    } catch (error) {
      // Telnyx unreachable for that account: its last list (if any) still reminds.
      deps.logger.warn('could not list another account’s keys for its reminders', { scope, error });
      return held ?? null;
    }
  }

  return {
    /** Lists each other account (when its list is stale) and announces its reminders due now. */
    async check(now: Date): Promise<void> {
      for (const account of others(deps.settings.read())) {
        const scope = accountIdOf(account);
        const watched = await refresh(scope, now.getTime());
        if (!watched) continue;
        // Read again: the list took a while, and the person may have switched or removed it meanwhile.
        const file = deps.settings.read();
        if (!others(file).some((k) => accountIdOf(k) === scope)) continue;
        const data = file.accounts[scope] ?? EMPTY_ACCOUNT_DATA;
        const leadDays = file.preferences.reminderLeadDays;
        if (leadDays.length === 0) continue;
        const { due, sent } = collectDue({
          keys: watched.keys,
          leadDays,
          log: data.reminders,
          now,
          names: data.names,
        });
        deps.settings.write({
          ...file,
          accounts: {
            ...file.accounts,
            [scope]: { ...data, reminders: { ...data.reminders, sent, lastCheckAt: now.toISOString() } },
          },
        });
        if (due.length === 0) continue;
        const attention = attentionOf({
          keys: watched.keys,
          now,
          leadDays,
          snoozedUntil: data.reminders.snoozedUntil,
        });
        deps.desktop.notify({
          ...withAccountName(reminderNotification(due, attention), account.name),
          account: scope,
        });
        deps.logger.info('expiry reminder shown for another account', { scope, keys: due.length });
      }
    },

    /** Each other account's keys that need attention, by the one rule (the tray counts them too). */
    attention(): { name: string; attention: Attention }[] {
      const file = deps.settings.read();
      const now = deps.now();
      return others(file).flatMap((account) => {
        const watched = lists.get(accountIdOf(account));
        if (!watched) return [];
        const data = file.accounts[accountIdOf(account)] ?? EMPTY_ACCOUNT_DATA;
        const attention = attentionOf({
          keys: watched.keys,
          now,
          leadDays: file.preferences.reminderLeadDays,
          snoozedUntil: data.reminders.snoozedUntil,
        });
        return [{ name: account.name, attention }];
      });
    },

    /** Each other account's keys with an expiry date ahead, named as its rows name them: the calendar. */
    upcoming(): { account: string; keys: (WatchedKey & { expiresAt: string; name: string | null })[] }[] {
      const file = deps.settings.read();
      const now = deps.now().getTime();
      return others(file).flatMap((account) => {
        const watched = lists.get(accountIdOf(account));
        if (!watched) return [];
        const names = file.accounts[accountIdOf(account)]?.names ?? {};
        const keys = watched.keys
          .filter(
            (k): k is WatchedKey & { expiresAt: string } => k.status === 'active' && k.expiresAt !== null,
          )
          .filter((k) => Date.parse(k.expiresAt) > now)
          .map((k) => ({ ...k, name: names[k.id] ?? null }));
        return [{ account: account.name, keys }];
      });
    },

    /** The account's keys as last listed this session (empty before). */
    keysOf: (scope: string): readonly WatchedKey[] => lists.get(scope)?.keys ?? [],

    /** A removed account's list goes. */
    forget(scope: string) {
      lists.delete(scope);
    },
  };
}

export type OtherAccountsWatch = ReturnType<typeof createOtherAccountsWatch>;
