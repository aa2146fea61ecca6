import type { z } from 'zod';
import type { channels, events } from './contract.js';
import type { Result } from './result.js';

/**
 * The IPC contract as the popup and the preload see it: channel and event names, their types, and the bridge
 * built from them, without one validator. The schemas live in `contract.ts`, on main's side, where every
 * payload is checked (the handler table); the popup and the sandboxed preload only call and listen, so they
 * import this module and never load zod (it was most of the preload's 766 KB). Type-only imports of
 * contract.ts and zod here are erased at build time.
 *
 * A new channel or event is named here and given its schemas in `contract.ts`; the type check fails until
 * both lists agree.
 */
const CHANNEL_NAMES = [
  'account.connect',
  'account.connectDemo',
  'account.status',
  'account.disconnect',
  'account.list',
  'account.switch',
  'account.rename',
  'account.remove',
  'keys.list',
  'keys.sync',
  'keys.create',
  'keys.setEnabled',
  'keys.setTags',
  'keys.delete',
  'keys.copy',
  'keys.saveSecret',
  'keys.changeSecret',
  'keys.forgetSecret',
  'keys.unsaved',
  'keys.reveal',
  'keys.pin',
  'keys.rename',
  'keys.replace',
  'keys.scheduleDisable',
  'keys.planDisable',
  'keys.disableUnused',
  'keys.scopes',
  'tokens.list',
  'tokens.add',
  'tokens.rename',
  'tokens.remove',
  'tokens.copy',
  'tokens.pin',
  'settings.get',
  'settings.set',
  'reminders.upcoming',
  'reminders.snooze',
  'reminders.exportCalendar',
  'telnyx.checkCompatibility',
  'telnyx.copyCompatibilityReport',
  'telnyx.preconnect',
  'app.openLink',
  'popup.hide',
  'app.quit',
] as const;
export type Channel = (typeof CHANNEL_NAMES)[number];
export const CHANNELS: Channel[] = /* @__PURE__ */ copy(CHANNEL_NAMES);

/** Events main pushes to the popup. */
const EVENTS = [
  'keys.changed',
  'copied',
  'clipboard.cleared',
  'notification.clicked',
  'popup.shown',
  'account.changed',
] as const;
export type EventName = (typeof EVENTS)[number];
export const EVENT_NAMES: EventName[] = /* @__PURE__ */ copy(EVENTS);

export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ValueOf<C extends Channel> = z.infer<(typeof channels)[C]['value']>;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/**
 * Where the popup may send a person: Telnyx's portal and docs, nowhere else. `portal` is the one portal link
 * of the app (main's messages use it too): the API keys page, which Telnyx documents as a deep link.
 */
export const LINKS = {
  portal: 'https://portal.telnyx.com/#/app/api-keys',
  docs: 'https://developers.telnyx.com/',
} as const;
export const LINK_TARGETS = /* @__PURE__ */ Object.keys(LINKS) as [
  keyof typeof LINKS,
  ...(keyof typeof LINKS)[],
];
export type LinkTarget = keyof typeof LINKS;

/**
 * How many keys the popup asks for first when it has no list yet (`keys.list({ first })`): twice what the
 * popup shows (560 px tall, rows of 76 px, 4 drawn beyond the edge), so its first screen is whole while the
 * rest of the list is on its way.
 */
export const FIRST_SCREEN_KEYS = 24;
/** The most `first` may ask for: a first screen, not a way round sending the whole list. */
export const MAX_FIRST_KEYS = 200;

export const KEY_COPY_FORMATS = ['raw', 'env', 'header', 'curl'] as const;
export const TOKEN_COPY_FORMATS = ['token', 'headers', 'curl'] as const;
export type KeyCopyFormat = (typeof KEY_COPY_FORMATS)[number];
export type TokenCopyFormat = (typeof TOKEN_COPY_FORMATS)[number];

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;
/** No payload: called with none; an optional one (`keys.list({ since })`): with or without. */
type Call<C extends Channel> =
  RequestOf<C> extends undefined
    ? () => Promise<Result<ValueOf<C>>>
    : undefined extends RequestOf<C>
      ? (payload?: RequestOf<C>) => Promise<Result<ValueOf<C>>>
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

/**
 * A mutable copy, called in a way bundlers can drop when nothing uses the result (`@__PURE__`): the popup
 * imports this module for `LINKS` and types, and need not carry every channel's name.
 */
function copy<T>(list: readonly T[]): T[] {
  return [...list];
}
