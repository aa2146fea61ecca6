import type { AccountSummary } from '../../common/models.js';
import { AppError } from '../errors.js';
import { MAX_ACCOUNTS, type KnownAccount, type StoredAccount } from '../settings/stored-state.js';

/**
 * The accounts a person added (settings version 3), as pure functions over the list: what each is called,
 * adding one or finding it again, and what the popup and the tray are told. The active one is the settings'
 * `account`; the list is in the order the accounts were added.
 */

/** An account's id across IPC: its scope (not a secret: a user id or a key id, both shown elsewhere). */
export const accountIdOf = (account: Pick<StoredAccount, 'scope' | 'keyId'>): string =>
  account.scope ?? `k:${account.keyId}`;

/** "Account 2": the first "Account N" not taken, counting real accounts (the demo is "Demo"). */
export function defaultAccountName(known: readonly KnownAccount[], mode: StoredAccount['mode']): string {
  if (mode === 'demo') return 'Demo';
  const taken = new Set(known.map((k) => k.name.toLowerCase()));
  let n = known.filter((k) => k.mode === 'telnyx').length + 1;
  while (taken.has(`account ${n}`)) n++;
  return `Account ${n}`;
}

/**
 * Two accounts called the same would be told apart nowhere (the header, the tray menu, reminders): a name
 * another account has (any case) is refused, in plain words.
 */
export function checkNameFree(known: readonly KnownAccount[], id: string, name: string): void {
  const taken = known.find((k) => accountIdOf(k) !== id && k.name.toLowerCase() === name.toLowerCase());
  if (taken) {
    throw new AppError(
      'invalid-input',
      `Another account is already called “${taken.name}”. Choose another name.`,
    );
  }
}

/**
 * The list with `account` added, or — connected again (the same scope) — updated in place: a new connecting
 * key, and the new name only when one was given. Refused past `MAX_ACCOUNTS`.
 */
export function withAccount(
  known: readonly KnownAccount[],
  account: StoredAccount,
  name: string | null,
): KnownAccount[] {
  const id = accountIdOf(account);
  if (name !== null) checkNameFree(known, id, name);
  const at = known.findIndex((k) => accountIdOf(k) === id);
  if (at >= 0) {
    const before = known[at] as KnownAccount;
    return known.map((k, i) => (i === at ? { ...account, name: name ?? before.name } : k));
  }
  if (known.length >= MAX_ACCOUNTS) {
    throw new AppError(
      'invalid-input',
      `Keytray keeps at most ${MAX_ACCOUNTS} accounts. Remove one you no longer use first.`,
    );
  }
  return [...known, { ...account, name: name ?? defaultAccountName(known, account.mode) }];
}

/** The record `account` keeps for a known account (without its name). */
export function storedOf(known: KnownAccount): StoredAccount {
  const { name: _name, ...stored } = known;
  void _name;
  return stored;
}

/** What the header's switcher and the tray menu show: every account, the active one marked. */
export function summaries(
  known: readonly KnownAccount[],
  active: StoredAccount | null,
  unsaved: (scope: string) => readonly string[],
): AccountSummary[] {
  const activeId = active ? accountIdOf(active) : null;
  return known.map((k) => ({
    id: accountIdOf(k),
    name: k.name,
    mode: k.mode,
    keyId: k.keyId,
    active: accountIdOf(k) === activeId,
    unsavedKeyIds: [...unsaved(accountIdOf(k))],
  }));
}
