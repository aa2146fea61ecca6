import type { Logger } from '../ports.js';
import { secretName, type SecretStore } from '../secrets/secret-store.js';
import type { DocumentStore } from '../settings/json-store.js';
import {
  EMPTY_ACCOUNT_DATA,
  LEGACY_SCOPE,
  type AccountData,
  type SettingsFile,
} from '../settings/stored-state.js';

/**
 * Settings saved before accounts were told apart (the migration files them under `legacy`) go to the first
 * account that connects: its V1 tokens (their keychain entries move under the account's scope), pins,
 * reminder log and planned disables. Nothing is deleted before its copy is in place; if the keychain fails
 * half-way, the rest stays `legacy` and the next connect tries again.
 */
export async function claimLegacyData(input: {
  settings: DocumentStore<SettingsFile>;
  scope: string;
  /** The connected key: `legacy` data saved while another key was connected is not this account's. */
  keyId: string;
  unscoped: SecretStore;
  scoped: SecretStore;
  logger: Logger;
}): Promise<void> {
  const { accounts: saved, legacyFor } = input.settings.read();
  const legacy = saved[LEGACY_SCOPE];
  if (!legacy || (legacyFor !== null && legacyFor !== input.keyId)) return;
  const moved: string[] = [];
  try {
    for (const token of legacy.tokens) {
      const name = secretName.token(token.id);
      const value = await input.unscoped.get(name);
      if (value !== null) {
        await input.scoped.set(name, value);
        await input.unscoped.delete(name);
      }
      moved.push(token.id);
    }
  } catch (error) {
    input.logger.warn('could not move older V1 tokens under the account; will try again', { error });
  }
  const file = input.settings.read();
  const done = moved.length === legacy.tokens.length;
  const claimed: AccountData = done
    ? legacy
    : { ...legacy, tokens: legacy.tokens.filter((t) => moved.includes(t.id)) };
  const accounts = {
    ...file.accounts,
    [input.scope]: merge(file.accounts[input.scope] ?? EMPTY_ACCOUNT_DATA, claimed),
  };
  if (done) delete accounts[LEGACY_SCOPE];
  else
    accounts[LEGACY_SCOPE] = {
      ...EMPTY_ACCOUNT_DATA,
      tokens: legacy.tokens.filter((t) => !moved.includes(t.id)),
    };
  input.settings.write({ ...file, accounts, legacyFor: done ? null : file.legacyFor });
  input.logger.info('settings from before accounts were told apart now belong to the account', {
    scope: input.scope,
    tokens: moved.length,
  });
}

function merge(into: AccountData, from: AccountData): AccountData {
  const pinKey = (p: AccountData['pins'][number]) => `${p.kind}:${p.id}`;
  const pins = [...into.pins, ...from.pins.filter((p) => !into.pins.some((q) => pinKey(q) === pinKey(p)))];
  const tokens = [...into.tokens, ...from.tokens.filter((t) => !into.tokens.some((u) => u.id === t.id))];
  const disables = [
    ...into.scheduledDisables,
    ...from.scheduledDisables.filter((d) => !into.scheduledDisables.some((e) => e.keyId === d.keyId)),
  ];
  const last = [into.reminders.lastCheckAt, from.reminders.lastCheckAt].filter((d) => d !== null).sort();
  return {
    pins: pins.slice(0, 9),
    tokens,
    scheduledDisables: disables,
    telnyxFields: into.telnyxFields ?? from.telnyxFields,
    names: { ...from.names, ...into.names },
    reminders: {
      sent: { ...from.reminders.sent, ...into.reminders.sent },
      snoozedUntil: { ...from.reminders.snoozedUntil, ...into.reminders.snoozedUntil },
      lastCheckAt: last.at(-1) ?? null,
    },
  };
}
