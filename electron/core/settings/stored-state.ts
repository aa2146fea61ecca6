import { z } from 'zod';
import {
  AccountMode,
  DEFAULT_PREFERENCES,
  IsoDate,
  KeyId,
  KeyStatus,
  Preferences,
  StatusWord,
  TokenId,
  UnreadableField,
} from '../../common/models.js';
import { isPlainText } from '../../common/text.js';

/**
 * Everything Keytray keeps on disk besides secrets. `settings.json` (a `SettingsFile`) holds the preferences,
 * the connected account's non-secret data and, per account, its pins, V1 token names, reminder bookkeeping and
 * planned disables; `key-cache.json` (a `KeyCache`) holds one account's key list for offline display. The
 * schemas are the gate on read and on write; a secret-shaped value is refused at write.
 */

/**
 * Who an account is, for keeping its things apart from every other account's: `u:<user id>` when the IAM list
 * shows the connected key's user (an owner, whatever key they connect with), else `k:<key id>` (the connected
 * key: Telnyx has no "who am I" route), `demo` for the demo. Chosen at connect and never changed after.
 */
export const AccountScope = z
  .string()
  .max(120)
  .regex(/^(?:u:[\w.@-]{1,100}|k:KEY[0-9A-Za-z]{4,64}|demo)$/, 'not an account scope');
export type AccountScope = z.infer<typeof AccountScope>;

export const StoredAccount = z.strictObject({
  mode: AccountMode,
  keyId: KeyId,
  /** Null only for an account saved before accounts were told apart: resolved at its next start. */
  scope: AccountScope.nullable(),
  /** Learned at connect. The undocumented routes are probed again each session (see `session.ts`). */
  isOwner: z.boolean(),
  connectedAt: IsoDate,
});
export type StoredAccount = z.infer<typeof StoredAccount>;

/** What a person calls an account ("Production", "Staging"): plain text, for the header and the tray menu. */
export const AccountName = z.string().trim().min(1).max(40).refine(isPlainText);

/**
 * An account the person added (version 3): how to reconnect it (its connecting key lives in the keychain as
 * `<scope>/account`) and its name. `account` is the active one's record; the others wait here.
 */
export const KnownAccount = z.strictObject({ ...StoredAccount.shape, name: AccountName });
export type KnownAccount = z.infer<typeof KnownAccount>;

/** At most this many accounts: each is a row in the header's menu and a group in the tray menu. */
export const MAX_ACCOUNTS = 12;

/** A name that reaches native UI (tray menu, notifications): no control or bidi characters. */
export const Pin = z.strictObject({
  kind: z.enum(['key', 'token']),
  id: z.string().max(70),
  /** A local name for the tray menu; null = first tag + id tail, or the token's name. */
  label: z.string().max(64).nullable(),
});
export type Pin = z.infer<typeof Pin>;

export const StoredToken = z.strictObject({
  id: TokenId,
  name: z.string().max(64),
  email: z.string().max(254),
  createdAt: IsoDate,
});
export type StoredToken = z.infer<typeof StoredToken>;

export const ReminderLog = z.strictObject({
  /** `keyId@expiresAt` → lead times (days) already announced, so a restart never repeats one. */
  sent: z.record(z.string(), z.array(z.number().int())),
  /** keyId → instant before which no reminder is shown for it. */
  snoozedUntil: z.record(z.string(), IsoDate),
  lastCheckAt: IsoDate.nullable(),
});
export type ReminderLog = z.infer<typeof ReminderLog>;

/**
 * A disable planned when a key was replaced (`replacedBy`), or — `replacedBy` null — for a new key whose
 * requested expiry Telnyx did not set: carried out by the core, even after a restart.
 */
export const ScheduledDisable = z.strictObject({ keyId: KeyId, at: IsoDate, replacedBy: KeyId.nullable() });
export type ScheduledDisable = z.infer<typeof ScheduledDisable>;

/** A field name as Telnyx spells it, one level deep at most (`user.email`): a name, never a value. */
const FieldSpelling = z
  .string()
  .max(81)
  .regex(/^[a-z][a-z0-9_]{0,39}(?:\.[a-z][a-z0-9_]{0,39})?$/);

/**
 * What "Check Telnyx compatibility" learned about this account's key records: the spelling Telnyx used for each
 * field it found (see `telnyx/unverified.ts`), which every later sync tries first. Field names only.
 */
export const LearnedFields = z.strictObject({
  checkedAt: IsoDate,
  keyRecord: z.strictObject({
    userId: FieldSpelling.optional(),
    userEmail: FieldSpelling.optional(),
    status: FieldSpelling.optional(),
    tags: FieldSpelling.optional(),
    expiresAt: FieldSpelling.optional(),
    lastUsedAt: FieldSpelling.optional(),
    createdAt: FieldSpelling.optional(),
  }),
});
export type LearnedFields = z.infer<typeof LearnedFields>;

/** What belongs to one account. */
export const AccountData = z.strictObject({
  pins: z.array(Pin).max(9),
  tokens: z.array(StoredToken),
  reminders: ReminderLog,
  scheduledDisables: z.array(ScheduledDisable),
  /** Added with the compatibility check; a file written before it reads as "nothing learned". */
  telnyxFields: LearnedFields.nullable().default(null),
  /**
   * Key id → the name the person gave it on this device (`Rename…`): checked as plain text when typed, like a
   * tray label. Added with names; a file written before reads as none.
   */
  names: z.record(KeyId, z.string().max(64)).default({}),
});
export type AccountData = z.infer<typeof AccountData>;

export const EMPTY_ACCOUNT_DATA: AccountData = {
  pins: [],
  tokens: [],
  reminders: { sent: {}, snoozedUntil: {}, lastCheckAt: null },
  scheduledDisables: [],
  telnyxFields: null,
  names: {},
};

/** Where the data saved before accounts were told apart waits for the first account that connects. */
export const LEGACY_SCOPE = 'legacy';

export const SETTINGS_VERSION = 3;

/** `settings.json`. */
export const SettingsFile = z.strictObject({
  preferences: Preferences,
  account: StoredAccount.nullable(),
  /** The accounts added, in the order they were added (version 3); the active one is `account`. */
  known: z.array(KnownAccount).max(MAX_ACCOUNTS).default([]),
  /** Scope (or `legacy`) → that account's data. */
  accounts: z.record(z.union([AccountScope, z.literal(LEGACY_SCOPE)]), AccountData),
  /**
   * The key whose account the `legacy` data belongs to (the account connected when it was saved); only a
   * connection with that key claims it. Null: whichever real account connects first (nobody was connected,
   * or only the demo, whose tokens were kept in the real keychain).
   */
  legacyFor: KeyId.nullable().default(null),
});
export type SettingsFile = z.infer<typeof SettingsFile>;

export const DEFAULT_SETTINGS: SettingsFile = {
  preferences: DEFAULT_PREFERENCES,
  account: null,
  known: [],
  accounts: {},
  legacyFor: null,
};

/**
 * What the services see: the preferences and account, and the connected account's data as if it were the only
 * one (`account-scoped-state.ts` maps it onto the file). Without an account the per-account parts are empty.
 */
export const StoredState = z.strictObject({
  preferences: Preferences,
  account: StoredAccount.nullable(),
  ...AccountData.shape,
});
export type StoredState = z.infer<typeof StoredState>;

export const DEFAULT_STATE: StoredState = {
  preferences: DEFAULT_PREFERENCES,
  account: null,
  ...EMPTY_ACCOUNT_DATA,
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `settings.json` migrations: index N takes a version N+1 document to version N+2. Pure, over `unknown`: a
 * field they do not understand is carried along for the schema's salvage to judge.
 */
export const SETTINGS_MIGRATIONS: ((document: unknown) => unknown)[] = [
  // 1 → 2: everything per account moves under `accounts`; the account no longer stores a base URL (a file
  // anyone can edit must not choose where the API key is sent); its scope is learned at the next start.
  (document) => {
    if (!isObject(document)) return document;
    const { pins, tokens, reminders, scheduledDisables, account, ...rest } = document;
    const data = {
      pins: pins ?? [],
      tokens: tokens ?? [],
      reminders,
      scheduledDisables: scheduledDisables ?? [],
    };
    if (data.reminders === undefined) data.reminders = EMPTY_ACCOUNT_DATA.reminders;
    let migratedAccount: unknown = account ?? null;
    let legacyFor: unknown = null;
    if (isObject(account)) {
      const { baseUrl: _dropped, ...kept } = account;
      void _dropped;
      const demo = kept['mode'] === 'demo';
      migratedAccount = { ...kept, scope: demo ? 'demo' : null };
      // The demo's V1 tokens were kept in the real keychain: they wait for the first real account.
      if (!demo) legacyFor = kept['keyId'] ?? null;
    }
    return { ...rest, account: migratedAccount, accounts: { [LEGACY_SCOPE]: data }, legacyFor };
  },
  // 2 → 3: several accounts. The connected account becomes the first known one, named "Demo" or "Account 1"
  // (renamed from the header); its connecting key moves in the keychain from `account` to `<scope>/account`
  // at the next start (`account-service.ts`: copied, read back, then the old entry removed).
  (document) => {
    if (!isObject(document)) return document;
    const { account } = document;
    const known = isObject(account)
      ? [{ ...account, name: account['mode'] === 'demo' ? 'Demo' : 'Account 1' }]
      : [];
    return { ...document, known };
  },
];

export const CachedKey = z.strictObject({
  id: KeyId,
  userId: z.string().nullable().default(null),
  userEmail: z.string().nullable(),
  status: KeyStatus,
  /** Added with the `unknown` status; a cache written before it reads as null. */
  statusWord: StatusWord.default(null),
  tags: z.array(z.string()),
  expiresAt: IsoDate.nullable(),
  lastUsedAt: IsoDate.nullable(),
  createdAt: IsoDate.nullable(),
  /** Added with field-by-field parsing; a cache written before it reads as all readable. */
  unreadable: z.array(UnreadableField).default([]),
});

export const KEY_CACHE_VERSION = 3;

/** `key-cache.json`: the list of one account (`scope`); another account reads it as empty. */
export const KeyCache = z.strictObject({
  scope: AccountScope.nullable().default(null),
  keys: z.array(CachedKey),
  syncedAt: IsoDate.nullable(),
});
export type KeyCache = z.infer<typeof KeyCache>;
export const EMPTY_KEY_CACHE: KeyCache = { scope: null, keys: [], syncedAt: null };

/**
 * 2 → 3: a cache from before "last use unknown" was told apart from "never used" has null for both: each null is
 * unknown until the next sync says which (a key is never offered as unused on a guess).
 */
function lastUseUnknownUntilSynced(document: unknown): unknown {
  if (!isObject(document) || !Array.isArray(document['keys'])) return document;
  const keys = document['keys'].map((key: unknown) =>
    isObject(key) && key['lastUsedAt'] === null
      ? {
          ...key,
          unreadable: [...(Array.isArray(key['unreadable']) ? key['unreadable'] : []), 'lastUsedAt'],
        }
      : key,
  );
  return { ...document, keys };
}

/** 1 → 2: a cache from before accounts were told apart belongs to nobody; it is only a cache, so start over. */
export const KEY_CACHE_MIGRATIONS: ((document: unknown) => unknown)[] = [
  () => EMPTY_KEY_CACHE,
  lastUseUnknownUntilSynced,
];
