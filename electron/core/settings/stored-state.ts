import { z } from 'zod';
import {
  AccountMode,
  DEFAULT_PREFERENCES,
  IsoDate,
  KeyId,
  KeyStatus,
  Preferences,
  TokenId,
} from '../../common/models.js';

/**
 * Everything Keytray keeps on disk besides secrets: preferences, the account's non-secret data, pins, v1
 * token names, reminder bookkeeping, and (in its own file, see `key-cache.ts`) the key list for offline
 * display. The schema is the gate on read and on write; a secret-shaped value is refused at write.
 */
export const StoredAccount = z.strictObject({
  mode: AccountMode,
  keyId: KeyId,
  /** Only when connected to a non-default API (the simulator, a proxy); null = `TELNYX_BASE_URL` or Telnyx. */
  baseUrl: z.string().nullable(),
  /** Learned at connect. The undocumented routes are probed again each session (see `session.ts`). */
  isOwner: z.boolean(),
  connectedAt: IsoDate,
});
export type StoredAccount = z.infer<typeof StoredAccount>;

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

/** A disable planned when a key was replaced: carried out by the core, even after a restart. */
export const ScheduledDisable = z.strictObject({ keyId: KeyId, at: IsoDate, replacedBy: KeyId });
export type ScheduledDisable = z.infer<typeof ScheduledDisable>;

/** Fields added after the first release carry defaults, so an older file still reads. */
export const StoredState = z.strictObject({
  preferences: Preferences,
  account: StoredAccount.nullable(),
  pins: z.array(Pin).max(9),
  tokens: z.array(StoredToken),
  reminders: ReminderLog,
  scheduledDisables: z.array(ScheduledDisable).default([]),
});
export type StoredState = z.infer<typeof StoredState>;

export const DEFAULT_STATE: StoredState = {
  preferences: DEFAULT_PREFERENCES,
  account: null,
  pins: [],
  tokens: [],
  reminders: { sent: {}, snoozedUntil: {}, lastCheckAt: null },
  scheduledDisables: [],
};

export const CachedKey = z.strictObject({
  id: KeyId,
  userEmail: z.string().nullable(),
  status: KeyStatus,
  tags: z.array(z.string()),
  expiresAt: IsoDate.nullable(),
  lastUsedAt: IsoDate.nullable(),
  createdAt: IsoDate.nullable(),
});

export const KeyCache = z.strictObject({ keys: z.array(CachedKey), syncedAt: IsoDate.nullable() });
export type KeyCache = z.infer<typeof KeyCache>;
export const EMPTY_KEY_CACHE: KeyCache = { keys: [], syncedAt: null };
