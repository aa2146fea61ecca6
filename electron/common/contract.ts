import { z } from 'zod';
import {
  AccountStatus,
  CompatibilityReport,
  CopyDone,
  IsoDate,
  KeyCreated,
  KeyId,
  KeyList,
  KeyReplaced,
  KeyView,
  Preferences,
  TagList,
  TokenId,
  SecretSaved,
  TokenView,
  UnsavedSecrets,
  UpcomingExpiry,
} from './models.js';
import { resultSchema, type Result } from './result.js';
import { isPlainText, PLAIN_TEXT_PROBLEM } from './text.js';

/**
 * The IPC contract: every channel the popup calls, with a schema for its payload and for its value.
 * Main treats every payload as `unknown` until the request schema accepts it (strict objects: extra fields
 * are refused). The preload and the preview bridge expose exactly these channels, one function each.
 */

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

/**
 * Where the popup may send a person: Telnyx's portal and docs, nowhere else. `portal` is the one portal link
 * of the app (main's messages use it too): the API keys page, which Telnyx documents as a deep link.
 */
export const LINKS = {
  portal: 'https://portal.telnyx.com/#/app/api-keys',
  docs: 'https://developers.telnyx.com/',
} as const;
export const LINK_TARGETS = Object.keys(LINKS) as [keyof typeof LINKS, ...(keyof typeof LINKS)[]];
export type LinkTarget = keyof typeof LINKS;

export const KEY_COPY_FORMATS = ['raw', 'env', 'header', 'curl'] as const;
export const TOKEN_COPY_FORMATS = ['token', 'headers', 'curl'] as const;
export type KeyCopyFormat = (typeof KEY_COPY_FORMATS)[number];
export type TokenCopyFormat = (typeof TOKEN_COPY_FORMATS)[number];

export const channels = {
  'account.connect': { request: z.strictObject({ apiKey: KeyValue }), value: AccountStatus },
  'account.connectDemo': { request: NoPayload, value: AccountStatus },
  'account.status': { request: NoPayload, value: AccountStatus },
  'account.disconnect': { request: NoPayload, value: AccountStatus },

  'keys.list': { request: NoPayload, value: KeyList },
  'keys.sync': { request: NoPayload, value: KeyList },
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
  'settings.set': { request: Preferences.partial(), value: Preferences },

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

  /** Links go through main, which opens only its allow-list; the popup never opens windows itself. */
  'app.openLink': { request: z.strictObject({ target: z.enum(LINK_TARGETS) }), value: Empty },
  /** Escape, or a copy with "Hide after copy" on. */
  'popup.hide': { request: NoPayload, value: Empty },
  /** Quit, after the popup's "Quit Keytray?" listed the full keys that would be lost. */
  'app.quit': { request: NoPayload, value: Empty },
} as const;

export type Channel = keyof typeof channels;
export const CHANNELS = Object.keys(channels) as Channel[];

export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ValueOf<C extends Channel> = z.infer<(typeof channels)[C]['value']>;

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
} as const;

export type EventName = keyof typeof events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;
type Call<C extends Channel> =
  RequestOf<C> extends undefined
    ? () => Promise<Result<ValueOf<C>>>
    : (payload: RequestOf<C>) => Promise<Result<ValueOf<C>>>;

/**
 * `window.keytray`: one function per channel (`keytray.keys.copy({id, format})`) and typed event
 * subscriptions. Both shells build it with `createBridgeApi` over their own transport.
 */
export type KeytrayBridge = {
  [N in Namespace<Channel>]: { [M in Method<Channel, N>]: Call<Extract<`${N}.${M}`, Channel>> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type Transport = {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
};

/** Builds the bridge object from a transport; used by the preload, the preview client and tests. */
export function createBridgeApi(transport: Transport): KeytrayBridge {
  const api: Record<string, Record<string, (payload?: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [namespace, method] = channel.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = (payload?: unknown) => transport.invoke(channel, payload);
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  // The mapped type above is what this loop builds; TypeScript cannot follow a loop over keys.
  return { ...api, on } as unknown as KeytrayBridge;
}
