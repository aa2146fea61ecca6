import { z } from 'zod';
import {
  AccountStatus,
  AccountSummary,
  CompatibilityReport,
  ConnectAnswer,
  CopyDone,
  IsoDate,
  KeyCreated,
  KeyId,
  KeyList,
  KeyReplaced,
  KeyScopes,
  KeyView,
  Preferences,
  PreferencesPatch,
  TagList,
  TokenId,
  SecretSaved,
  TokenView,
  UnsavedSecrets,
  UpcomingExpiry,
} from './models.js';
import {
  KEY_COPY_FORMATS,
  LINK_TARGETS,
  MAX_FIRST_KEYS,
  TOKEN_COPY_FORMATS,
  type Channel,
  type EventName,
} from './channels.js';
import { resultSchema } from './result.js';
import { isPlainText, PLAIN_TEXT_PROBLEM } from './text.js';

/**
 * The IPC contract's schemas: for every channel the popup calls, one for its payload and one for its value.
 * Main treats every payload as `unknown` until the request schema accepts it (strict objects: extra fields
 * are refused). This module is main's side: the names, the types and the bridge are in `channels.ts`
 * (re-exported here), which the popup and the preload import instead, so zod never reaches them.
 */
export * from './channels.js';

const NoPayload = z.undefined();
const ByKey = z.strictObject({ id: KeyId });
const ByToken = z.strictObject({ id: TokenId });
const Empty = z.strictObject({});

/** A pasted full key: the shape is checked in main with `parseKeyValue`, so the message can be plain. */
const KeyValue = z.string().min(1).max(200);
/** `confirmUnchecked`: the person chose to save a key Telnyx could not confirm (see `SecretSaved`). */
const PastedSecret = z.strictObject({ id: KeyId, value: KeyValue, confirmUnchecked: z.boolean().optional() });
/**
 * A name a person gives something (a token, a pin label): it reaches the tray menu, notifications and the
 * calendar, so control and text-direction characters are refused (see `text.ts`).
 */
export const PlainName = z.string().trim().refine(isPlainText, PLAIN_TEXT_PROBLEM);
const TokenName = PlainName.min(1, 'give the token a name').max(64);
/** A local name for a pinned item in the tray menu; empty or null = the default. */
const PinLabel = PlainName.max(40).nullable();
/** A key's local name (`Rename…`): empty or null removes it. As long as a tray label, since the menu shows it. */
const KeyName = PlainName.max(40).nullable();

/** Which account (`AccountSummary.id`): its scope, as `AccountScope` in the settings spells it. */
const AccountId = z
  .string()
  .max(120)
  .regex(/^(?:u:[\w.@-]{1,100}|k:KEY[0-9A-Za-z]{4,64}|demo)$/, 'not an account');
/** What a person calls an account ("Production"): shown in the header, the tray menu and reminders. */
const AccountName = PlainName.min(1, 'give the account a name').max(40);
const ByAccount = z.strictObject({ id: AccountId });

/**
 * `since`: the revision of the list the popup holds; the answer then holds only what changed after it.
 * `first`: only the first keys in the popup's order (`orderKeys`), for a first screen before the whole list.
 */
const ListRequest = z
  .strictObject({ since: z.number().int().min(0), first: z.number().int().min(1).max(MAX_FIRST_KEYS) })
  .partial()
  .optional();

export const channels = {
  /** `name`: what to call the account (absent: "Account 2", or the name it had when added before). */
  'account.connect': {
    request: z.strictObject({ apiKey: KeyValue, name: AccountName.optional() }),
    value: ConnectAnswer,
  },
  'account.connectDemo': { request: NoPayload, value: AccountStatus },
  'account.status': { request: NoPayload, value: AccountStatus },
  'account.disconnect': { request: NoPayload, value: AccountStatus },
  'account.list': { request: NoPayload, value: z.array(AccountSummary) },
  'account.switch': { request: ByAccount, value: AccountStatus },
  'account.rename': {
    request: z.strictObject({ id: AccountId, name: AccountName }),
    value: z.array(AccountSummary),
  },
  'account.remove': { request: ByAccount, value: AccountStatus },

  'keys.list': { request: ListRequest, value: KeyList },
  'keys.sync': { request: ListRequest, value: KeyList },
  'keys.create': {
    request: z.strictObject({ tags: TagList, expiresAt: IsoDate.nullable() }),
    value: KeyCreated,
  },
  'keys.setEnabled': { request: z.strictObject({ id: KeyId, enabled: z.boolean() }), value: KeyView },
  'keys.setTags': { request: z.strictObject({ id: KeyId, tags: TagList }), value: KeyView },
  'keys.delete': { request: ByKey, value: Empty },
  'keys.copy': { request: z.strictObject({ id: KeyId, format: z.enum(KEY_COPY_FORMATS) }), value: CopyDone },
  /** `Save the full key`: for a key whose secret Keytray does not hold; never replaces one it holds. */
  'keys.saveSecret': { request: PastedSecret, value: SecretSaved },
  /** `Change saved key…`: the explicit replacement of a secret Keytray holds. */
  'keys.changeSecret': { request: PastedSecret, value: SecretSaved },
  /** `Forget saved key…`: Keytray deletes its copy (the popup offers Copy first). */
  'keys.forgetSecret': { request: ByKey, value: KeyView },
  /** Full keys that exist only in memory: what Disconnect and Quit would lose. */
  'keys.unsaved': { request: NoPayload, value: UnsavedSecrets },
  /** The one channel that returns a stored secret, and only on an explicit `Reveal…`. */
  'keys.reveal': { request: ByKey, value: z.strictObject({ secret: z.string() }) },
  'keys.pin': {
    request: z.strictObject({ id: KeyId, pinned: z.boolean(), label: PinLabel.optional() }),
    value: KeyView,
  },
  /** `Rename…`: a name for the key on this device only; Telnyx keeps only tags. */
  'keys.rename': { request: z.strictObject({ id: KeyId, name: KeyName }), value: KeyView },
  /** Rotation with overlap: a new key with the same tags and expiry length, saved and copied. */
  'keys.replace': { request: ByKey, value: KeyReplaced },
  'keys.scheduleDisable': {
    request: z.strictObject({ id: KeyId, replacedBy: KeyId, when: z.enum(['now', 'in-24-hours', 'later']) }),
    value: KeyView,
  },
  /**
   * A new key whose expiry Telnyx did not set (`KeyCreated.canDisableOnExpiry`): Keytray disables it on that date
   * itself, through the same planned disable as a replacement's — only while Keytray runs.
   */
  'keys.planDisable': { request: z.strictObject({ id: KeyId, at: IsoDate }), value: KeyView },
  /**
   * One key of "Disable these keys…": turned off only if main still finds it unused for the window, on, and
   * not one Keytray uses (`unused-keys.ts`); refused with a plain reason otherwise.
   */
  'keys.disableUnused': { request: ByKey, value: KeyView },
  /** A key's permissions, read-only: its scope statements and whether IAM enforces them. Owner only. */
  'keys.scopes': { request: ByKey, value: KeyScopes },

  'tokens.list': { request: NoPayload, value: z.array(TokenView) },
  'tokens.add': {
    request: z.strictObject({
      name: TokenName,
      email: z.email('enter the e-mail address of the Telnyx account').max(254),
      token: z.string().min(1).max(200),
    }),
    value: TokenView,
  },
  'tokens.rename': { request: z.strictObject({ id: TokenId, name: TokenName }), value: TokenView },
  'tokens.remove': { request: ByToken, value: Empty },
  'tokens.copy': {
    request: z.strictObject({ id: TokenId, format: z.enum(TOKEN_COPY_FORMATS) }),
    value: CopyDone,
  },
  'tokens.pin': {
    request: z.strictObject({ id: TokenId, pinned: z.boolean(), label: PinLabel.optional() }),
    value: TokenView,
  },

  'settings.get': { request: NoPayload, value: Preferences },
  'settings.set': { request: PreferencesPatch, value: Preferences },

  'reminders.upcoming': { request: NoPayload, value: z.array(UpcomingExpiry) },
  'reminders.snooze': {
    request: z.strictObject({ keyId: KeyId, until: z.enum(['tomorrow', 'next-lead-time']) }),
    value: z.array(UpcomingExpiry),
  },
  /** `Export expiry dates…`: an .ics file with one event and alarm per expiring key. */
  'reminders.exportCalendar': {
    request: NoPayload,
    value: z.strictObject({ savedTo: z.string().nullable(), events: z.number().int() }),
  },

  /**
   * `Check Telnyx compatibility` (Settings): read-only GETs with the connected key, reported as field names and
   * types only; the popup shows `COMPATIBILITY_CHECK_DISCLOSURE` (compatibility-check.ts) before calling it.
   */
  'telnyx.checkCompatibility': { request: NoPayload, value: CompatibilityReport },
  /** `Copy report`: main copies the last report it made (it holds no secret), not text the popup sends. */
  'telnyx.copyCompatibilityReport': { request: NoPayload, value: Empty },
  /**
   * A key is being typed on Connect: main opens its connection to Telnyx now (one unauthenticated HEAD, at
   * most every 10 s), so Connect does not wait for TCP and TLS. Nothing is sent but the request line.
   */
  'telnyx.preconnect': { request: NoPayload, value: Empty },

  /** Links go through main, which opens only its allow-list; the popup never opens windows itself. */
  'app.openLink': { request: z.strictObject({ target: z.enum(LINK_TARGETS) }), value: Empty },
  /** Escape, or a copy with "Hide after copy" on. */
  'popup.hide': { request: NoPayload, value: Empty },
  /** Quit, after the popup's "Quit Keytray?" listed the full keys that would be lost. */
  'app.quit': { request: NoPayload, value: Empty },
} as const satisfies { [C in Channel]: { request: z.ZodType; value: z.ZodType } };

/** The schema of a channel's whole answer (`Result` of its value): what the popup may rely on receiving. */
export function resultSchemaOf<C extends Channel>(channel: C) {
  return resultSchema(channels[channel].value);
}

/** Events main pushes to the popup. */
export const events = {
  'keys.changed': z.strictObject({}),
  copied: CopyDone,
  'clipboard.cleared': z.strictObject({}),
  'notification.clicked': z.strictObject({ keyIds: z.array(KeyId) }),
  /** The popup was just shown (tray click, shortcut, second launch): focus goes to Search, or Settings. */
  'popup.shown': z.strictObject({ view: z.enum(['main', 'settings', 'quit']) }),
  /** Another account was connected, or none is: what the popup shows of the previous one goes. */
  'account.changed': z.strictObject({}),
} as const satisfies { [E in EventName]: z.ZodType };
