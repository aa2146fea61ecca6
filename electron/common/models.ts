import { z } from 'zod';
import {
  CLIPBOARD_CLEAR_CHOICES,
  REMINDER_LEAD_CHOICES,
  UNUSED_AFTER_CHOICES,
} from './preference-choices.js';
import { KEY_ID_PATTERN } from './key-id.js';
import { MAX_TAGS, MAX_TAG_LENGTH } from './tags.js';
import { TOP_TAGS } from './top-tags.js';

/** Domain shapes that cross IPC. Never a secret here: the renderer sees ids, tags, status and dates. */

export const IsoDate = z.iso.datetime({ offset: true });
/**
 * A key's id as Telnyx lists it: `KEY…` (the part of the full key before the first `_`), or a UUID, in case
 * the IAM list names its records the way IAM names everything else (not documented: see `telnyx/unverified.ts`).
 * Anything else could not be filed in the keychain or cross IPC safely.
 */
export const LISTED_KEY_ID_PATTERN = new RegExp(
  `${KEY_ID_PATTERN.source}|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`,
);
export const KeyId = z.string().max(70).regex(LISTED_KEY_ID_PATTERN, 'not a key id');
export const TokenId = z.uuid();
/**
 * A tag crossing IPC. Longer than a typed tag may be (`MAX_TAG_LENGTH`): a tag Telnyx already holds comes back
 * unchanged in an edit, whatever its length; `checkTags` in main holds typed tags to the rules.
 */
export const Tag = z.string().max(MAX_TAG_LENGTH * 4);
/** Tags as typed: the rules (trim, dedupe, at most 10) are applied by `checkTags` in main. */
export const TagList = z.array(Tag).max(MAX_TAGS);

/** `unknown`: Telnyx sent a status word Keytray does not know (kept in `statusWord`), or none. */
export const KeyStatus = z.enum(['active', 'inactive', 'expired', 'unknown']);
export type KeyStatus = z.infer<typeof KeyStatus>;
/** The raw status word behind `unknown`, cut to this length: shown to the person, never interpreted. */
export const MAX_STATUS_WORD = 40;
export const StatusWord = z.string().max(MAX_STATUS_WORD).nullable();

/**
 * Fields Telnyx's record left out or sent in a shape Keytray cannot read. Then `tags: []` does not mean "no
 * tags", `expiresAt: null` does not mean "never expires" and `lastUsedAt: null` does not mean "never used":
 * the popup says "unknown" instead.
 */
export const UnreadableField = z.enum(['tags', 'expiresAt', 'lastUsedAt']);
export type UnreadableField = z.infer<typeof UnreadableField>;

export const KeyView = z.strictObject({
  id: KeyId,
  /** The IAM user the key belongs to, when Telnyx says. */
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  status: KeyStatus,
  /** The word Telnyx used when `status` is `unknown` (null when it sent none). */
  statusWord: StatusWord,
  tags: z.array(z.string()),
  expiresAt: IsoDate.nullable(),
  /** When Telnyx last saw the key used; null = never used (unknown when `unreadable` names it). */
  lastUsedAt: IsoDate.nullable(),
  createdAt: IsoDate.nullable(),
  unreadable: z.array(UnreadableField),
  /** Keytray holds this key's secret (keychain, or memory when the keychain refused it). */
  hasSecret: z.boolean(),
  /** The secret is only in memory: it is lost when Keytray quits. */
  unsaved: z.boolean(),
  pinned: z.boolean(),
  /** The name the tray menu shows for a pinned key; null = its name, or first tag and id tail. */
  pinLabel: z.string().nullable(),
  /**
   * A name the person gave the key on this device (`keys.rename`; Telnyx keys have only tags): shown first in
   * the row, searched, and used by the tray menu, the notifications and the calendar. Null = none.
   */
  name: z.string().nullable(),
  /** When a planned disable (after a replacement) will happen. */
  disableAt: IsoDate.nullable(),
});
export type KeyView = z.infer<typeof KeyView>;

/**
 * The keys that need attention by the one rule (`needsAttention` in expiry.ts), less the ones the person
 * snoozed: what the tray's badge and tooltip, the popup's banner and the grouped reminder all count.
 */
export const Attention = z.strictObject({
  /** Keys expiring within this many calendar days count (see `attentionHorizonDays`). */
  horizonDays: z.number().int().min(0),
  /** Soonest expiry first (expired keys, longest gone, lead). */
  keyIds: z.array(KeyId),
  expiring: z.number().int().min(0),
  expired: z.number().int().min(0),
  /** Keys the rule would count whose reminder is snoozed: left out of the numbers until the snooze ends. */
  snoozed: z.number().int().min(0),
});
export type Attention = z.infer<typeof Attention>;

export const KeyList = z.strictObject({
  keys: z.array(KeyView),
  attention: Attention,
  syncedAt: IsoDate.nullable(),
  /** The last sync failed for want of a network or of Telnyx: the list is the cached copy. */
  offline: z.boolean(),
  /** Main's clock: expiry words in the popup count from the same instant as the reminders do. */
  now: IsoDate,
  /** Main's revision of the list: the popup asks for only what changed since the one it holds (`since`). */
  revision: z.number().int().min(0).optional(),
  /**
   * Set when `keys` holds only the keys that changed since this revision (the popup asked with `since`): the
   * popup keeps the rest. Absent: `keys` is the whole list. (10,000 views on every change were too slow.)
   */
  changedSince: z.number().int().min(0).optional(),
  /** With `changedSince`: every id in list order, when keys came, went or moved since then. */
  order: z.array(KeyId).optional(),
  /**
   * Set when `keys` holds only the first keys of the list in the popup's order (asked with `first`): how many
   * the whole list has. Such an answer has no `revision`: the popup asks for the whole list next.
   */
  total: z.number().int().min(0).optional(),
  /** With `total`: the whole list's most used tags (`topTags`), which the first screen's keys can't tell. */
  topTags: z.array(Tag).max(TOP_TAGS).optional(),
});
export type KeyList = z.infer<typeof KeyList>;

/** What a feature resting on an undocumented route knows about it: tried and answered, or not yet tried. */
export const Capability = z.enum(['unknown', 'available', 'unavailable']);
export type Capability = z.infer<typeof Capability>;

export const Capabilities = z.strictObject({
  /**
   * The key reads the organization's key list (`GET /v2/iam/api_keys` answered 200: an owner's key), so it
   * lists every key and turns any key on or off or deletes it via `/v2/iam`. False when that route answered
   * 403, or 404/405/501 (the list is not available to this key): say what the key can't do, not who it is.
   */
  isOwner: z.boolean(),
  editTags: Capability,
  listOwn: Capability,
  deleteOwn: Capability,
});
export type Capabilities = z.infer<typeof Capabilities>;

export const AccountMode = z.enum(['telnyx', 'demo']);
export type AccountMode = z.infer<typeof AccountMode>;

export const AccountStatus = z.discriminatedUnion('connected', [
  z.strictObject({ connected: z.literal(false) }),
  z.strictObject({
    connected: z.literal(true),
    mode: AccountMode,
    keyId: KeyId,
    capabilities: Capabilities,
    portalUrl: z.string(),
    /** Which of the accounts this is (`AccountSummary.id`) and what the person called it. */
    accountId: z.string().max(120),
    name: z.string().max(40),
    /** How many accounts Keytray knows: the header names the active one when there is more than one. */
    accountCount: z.number().int().min(1),
    /**
     * The keys Keytray connects its accounts with (this one's and the others'): never offered for turning
     * off with the unused keys, whichever account lists them.
     */
    accountKeyIds: z.array(KeyId),
  }),
]);
export type AccountStatus = z.infer<typeof AccountStatus>;

/**
 * Connect's answer: the account as it now stands and, when Connect read the account's key list, its first
 * screen (`keys.list({ first })`), so the popup shows the keys without asking for them.
 */
export const ConnectAnswer = z.strictObject({ status: AccountStatus, firstScreen: KeyList.optional() });
export type ConnectAnswer = z.infer<typeof ConnectAnswer>;

/** One of the accounts a person added, for the header's switcher and the tray menu. No secret in it. */
export const AccountSummary = z.strictObject({
  /** The account's scope (`u:<user id>`, `k:<key id>` or `demo`). */
  id: z.string().max(120),
  name: z.string().max(40),
  mode: AccountMode,
  /** The key it is connected with. */
  keyId: KeyId,
  active: z.boolean(),
  /** Its full keys that exist only in memory: what removing it would lose (Copy offered while it is active). */
  unsavedKeyIds: z.array(KeyId),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const TokenView = z.strictObject({
  id: TokenId,
  name: z.string(),
  email: z.string(),
  createdAt: IsoDate,
  pinned: z.boolean(),
  pinLabel: z.string().nullable(),
});
export type TokenView = z.infer<typeof TokenView>;

// The choices themselves live apart, zod-free, for the popup.
export { CLIPBOARD_CLEAR_CHOICES, REMINDER_LEAD_CHOICES, UNUSED_AFTER_CHOICES };
export const MAX_PINS = 9;

export const Accelerator = z
  .string()
  .max(64)
  .regex(/^$|^[A-Za-z0-9+]+$/, 'a shortcut is keys joined by +, like CommandOrControl+Shift+K');

/** The filter "not used for «n» days" and the keys "Disable these keys…" offers (see `unused-keys.ts`). */
const UnusedAfterDays = z.union(UNUSED_AFTER_CHOICES.map((n) => z.literal(n)));
const PREFERENCE_FIELDS = {
  clipboardClearSeconds: z.union(CLIPBOARD_CLEAR_CHOICES.map((n) => z.literal(n))),
  reminderLeadDays: z.array(z.union(REMINDER_LEAD_CHOICES.map((n) => z.literal(n)))).max(4),
  globalShortcut: Accelerator,
  launchAtLogin: z.boolean(),
  hideAfterCopy: z.boolean(),
  unusedAfterDays: UnusedAfterDays,
};

/** What a person sets in Settings. Stored state (account, cache, pins, reminder log) is not exposed. */
export const Preferences = z.strictObject({
  ...PREFERENCE_FIELDS,
  /** Added with key hygiene: settings saved before it read as 90 days. */
  unusedAfterDays: UnusedAfterDays.default(90),
});
export type Preferences = z.infer<typeof Preferences>;
/**
 * A change to some preferences (`settings.set`). Not `Preferences.partial()`: zod applies a field's default
 * inside `partial()` too, and a change to another setting would then put `unusedAfterDays` back to 90.
 */
export const PreferencesPatch = z.strictObject(PREFERENCE_FIELDS).partial();

export const DEFAULT_PREFERENCES: Preferences = {
  clipboardClearSeconds: 30,
  reminderLeadDays: [30, 7, 1, 0],
  globalShortcut: 'CommandOrControl+Shift+K',
  launchAtLogin: false,
  hideAfterCopy: true,
  unusedAfterDays: 90,
};

export const UpcomingExpiry = z.strictObject({
  keyId: KeyId,
  tags: z.array(z.string()),
  expiresAt: IsoDate,
  daysLeft: z.number().int(),
  snoozedUntil: IsoDate.nullable(),
});
export type UpcomingExpiry = z.infer<typeof UpcomingExpiry>;

export const CopyDone = z.strictObject({ label: z.string(), clearsInSeconds: z.number().int().nullable() });
export type CopyDone = z.infer<typeof CopyDone>;

/**
 * A pasted full key: saved, or not yet because Telnyx could not confirm it (a disabled or expired key, or
 * Telnyx out of reach) — then the popup says `reason` and saves only if the person confirms.
 */
export const SecretSaved = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('saved'), key: KeyView }),
  z.strictObject({ outcome: z.literal('unchecked'), reason: z.string() }),
]);
export type SecretSaved = z.infer<typeof SecretSaved>;

/** Keys whose full key is only in memory (the keychain refused it): lost when Keytray quits. */
export const UnsavedSecrets = z.strictObject({
  /** The connected account's: the popup can offer Copy for each. */
  keyIds: z.array(KeyId),
  /** How many more belong to accounts not connected now (connect them again to copy). */
  elsewhere: z.number().int(),
});
export type UnsavedSecrets = z.infer<typeof UnsavedSecrets>;

/** What a person asked a new key to carry. */
export const RequestedKey = z.strictObject({ tags: z.array(z.string()), expiresAt: IsoDate.nullable() });
export type RequestedKey = z.infer<typeof RequestedKey>;

export const KeyCreated = z.strictObject({
  key: KeyView,
  /** False when the keychain refused the secret: it is held in memory and lost at quit. */
  saved: z.boolean(),
  message: z.string(),
  /** What the person asked for: shown as "requested" wherever Telnyx did not (or may not have) applied it. */
  requested: RequestedKey,
  /**
   * Requested values that Telnyx's answer (or its list right after) shows it did not apply: the tags it left
   * off, the expiry it did not set. Null when everything asked for was applied or nothing was asked.
   */
  notApplied: z
    .strictObject({ tags: z.array(z.string()).optional(), expiresAt: IsoDate.optional() })
    .nullable(),
  /** Requested values Telnyx did not report back at all (neither its answer nor its list): maybe applied. */
  unconfirmed: z.array(UnreadableField),
  /**
   * Keytray can disable the key on the requested expiry date itself (`keys.planDisable`), because Telnyx did
   * not (or may not have) set it and this key may turn keys off. It works only while Keytray runs.
   */
  canDisableOnExpiry: z.boolean(),
});
export type KeyCreated = z.infer<typeof KeyCreated>;

export const KeyReplaced = z.strictObject({
  created: KeyCreated,
  replacedId: KeyId,
  /** Seconds until the clipboard (holding the new key) clears; null = never. */
  clearsInSeconds: z.number().int().nullable(),
  /** The connected key can turn keys off through the API (it reads the organization's key list). */
  canDisableOld: z.boolean(),
});
export type KeyReplaced = z.infer<typeof KeyReplaced>;

/**
 * One field of a Telnyx answer as "Check Telnyx compatibility" reports it: its name (`user.email` one level
 * inside) and its JSON type (`string`, `number`, `boolean`, `null`, `object`, `array<string>`, …). Never a value.
 */
export const FieldShape = z.strictObject({ name: z.string().max(100), type: z.string().max(60) });
export type FieldShape = z.infer<typeof FieldShape>;

/** One request of the compatibility check and what Telnyx answered, field names and types only. */
export const CheckedRoute = z.strictObject({
  method: z.literal('GET'),
  /** The path as Telnyx documents it, with its query and no id: `/v2/iam/api_keys?page[size]=1`. */
  path: z.string().max(120),
  documented: z.boolean(),
  /** The HTTP status; null when Telnyx did not answer. */
  status: z.number().int().min(100).max(599).nullable(),
  /** The status in plain words ("answered", "not there for this key", "no answer: timed out"). */
  answer: z.string().max(120),
  /** The answer's top-level fields (`data`, `meta`, …). */
  /** Each list is capped by the check itself (`MAX_REPORTED_FIELDS`, the rest summed up in one line). */
  envelope: z.array(FieldShape).max(400),
  /** Where `fields` come from: the first record of a list, a single record, or none. */
  recordAt: z.enum(['data[0]', 'data']).nullable(),
  fields: z.array(FieldShape).max(400),
  meta: z.array(FieldShape).max(400),
});
export type CheckedRoute = z.infer<typeof CheckedRoute>;

/** `telnyx.checkCompatibility`: the report as copyable text, and the same facts as data. */
export const CompatibilityReport = z.strictObject({
  text: z.string().max(60_000),
  routes: z.array(CheckedRoute).max(10),
  /** Each key-record field and the spelling Telnyx used for it (null: not in the record looked at). */
  learned: z
    .array(z.strictObject({ field: z.string().max(40), spelling: z.string().max(100).nullable() }))
    .max(20),
});
export type CompatibilityReport = z.infer<typeof CompatibilityReport>;

/** One scope statement of a key as Telnyx documents it; `unknown`: an effect word Keytray does not know. */
export const ScopeStatement = z.strictObject({
  effect: z.enum(['allow', 'deny', 'unknown']),
  actions: z.array(z.string().max(200)).max(200),
});
export type ScopeStatement = z.infer<typeof ScopeStatement>;

/**
 * A key's permissions, read-only (`keys.scopes`): its statements (none = it can do everything its user can;
 * null = Telnyx answered nothing Keytray can read) and whether IAM is on (statements are enforced only then).
 */
export const KeyScopes = z.strictObject({
  id: KeyId,
  statements: z.array(ScopeStatement).max(100).nullable(),
  iam: z.enum(['on', 'off', 'unknown']),
});
export type KeyScopes = z.infer<typeof KeyScopes>;
