import type { KeyCopyFormat } from '../../common/contract.js';
import { parseKeyValue, shortKeyId } from '../../common/key-id.js';
import { checkTags } from '../../common/tags.js';
import type { CopyDone, KeyCreated, KeyList, KeyReplaced, KeyView } from '../../common/models.js';
import type { AccountService } from '../accounts/account-service.js';
import type { SecureClipboard } from '../clipboard/secure-clipboard.js';
import { AppError } from '../errors.js';
import type { Events } from '../events.js';
import type { Redactor } from '../logging/redact.js';
import type { Clock, Logger } from '../ports.js';
import { secretName } from '../secrets/secret-store.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KeyCache } from '../settings/stored-state.js';
import type { KeyRecord } from '../telnyx/unverified.js';
import { captureCreatedSecret } from './capture-created-secret.js';
import { formatKey } from './copy-formats.js';
import { notSupported, ownerOnly } from './key-messages.js';
import type { DisableSchedule } from './disable-schedule.js';
import type { Pins } from './pins.js';

const DAY_MS = 86_400_000;
/** A replacement for a key whose creation date Telnyx did not give: the longest preset. */
const DEFAULT_REPLACEMENT_DAYS = 90;

export type KeyServiceDeps = {
  accounts: AccountService;
  keyCache: DocumentStore<KeyCache>;
  pins: Pins;
  schedule: DisableSchedule;
  clipboard: SecureClipboard;
  events: Events;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
};

/**
 * API v2 keys: the cached list and sync, create (secret captured first), enable/disable, tags, delete,
 * copy, add a secret, reveal. Secrets leave this module only towards the clipboard, or on an explicit reveal.
 */
export function createKeyService(deps: KeyServiceDeps) {
  /** Secrets the keychain refused: copyable until quit. */
  const unsaved = new Map<string, string>();
  /** Ids whose secret the session's store holds; read once per session, then kept in step. */
  let held: { store: unknown; ids: Set<string> } | null = null;
  let offline = false;

  async function heldIds(): Promise<Set<string>> {
    const { keySecrets } = deps.accounts.session();
    if (held?.store !== keySecrets) {
      const names = await keySecrets.names().catch((error: unknown) => {
        deps.logger.warn('could not list keychain entries', { error });
        return [] as string[];
      });
      held = {
        store: keySecrets,
        ids: new Set(names.filter((n) => n.startsWith('key:')).map((n) => n.slice(4))),
      };
    }
    return held.ids;
  }

  const changed = () => deps.events.emit('keys.changed', {});

  /**
   * Views for many keys at once. Pins and planned disables are read once per call, not once per key:
   * each read clones the settings document, and 10,000 of those made a list take seconds.
   */
  function toViews(records: KeyRecord[], ids: Set<string>): KeyView[] {
    const pins = new Map(
      deps.pins
        .list()
        .filter((p) => p.kind === 'key')
        .map((p) => [p.id, p.label]),
    );
    const disables = new Map(deps.schedule.list().map((d) => [d.keyId, d.at]));
    return records.map((record) => ({
      ...record,
      hasSecret: ids.has(record.id) || unsaved.has(record.id),
      unsaved: unsaved.has(record.id),
      pinned: pins.has(record.id),
      pinLabel: pins.get(record.id) ?? null,
      disableAt: disables.get(record.id) ?? null,
    }));
  }

  async function list(): Promise<KeyList> {
    const cache = deps.keyCache.read();
    const ids = await heldIds();
    const listed = new Set(cache.keys.map((k) => k.id));
    // Keys whose secret we hold but that the API does not list (a non-owner without the own-keys route).
    const extra = [...new Set([...ids, ...unsaved.keys()])]
      .filter((id) => !listed.has(id))
      .map((id): KeyRecord => ({
        id,
        userEmail: null,
        status: 'active',
        tags: [],
        expiresAt: null,
        lastUsedAt: null,
        createdAt: null,
      }));
    return {
      keys: toViews([...cache.keys, ...extra], ids),
      syncedAt: cache.syncedAt,
      offline,
      now: deps.clock.now().toISOString(),
    };
  }

  async function fetchKeys(): Promise<KeyRecord[]> {
    const session = deps.accounts.session();
    const expected = deps.keyCache.read().keys.length;
    if (session.capabilities.isOwner) return session.client.listOrganizationKeys(expected);
    if (session.capabilities.listOwn === 'unavailable') return [];
    try {
      const keys = await session.client.listOwnKeys(expected);
      deps.accounts.setCapability('listOwn', 'available');
      return keys;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'not-found' || error.code === 'not-supported')) {
        deps.accounts.setCapability('listOwn', 'unavailable');
        return [];
      }
      throw error;
    }
  }

  function findCached(id: string): KeyRecord {
    const record = deps.keyCache.read().keys.find((k) => k.id === id);
    if (!record)
      throw new AppError('not-found', `Keytray does not know ${shortKeyId(id)}. Sync and try again.`);
    return record;
  }

  function replaceCached(record: KeyRecord) {
    const cache = deps.keyCache.read();
    deps.keyCache.write({ ...cache, keys: cache.keys.map((k) => (k.id === record.id ? record : k)) });
  }

  async function secretOf(id: string): Promise<string> {
    const secret = unsaved.get(id) ?? (await deps.accounts.session().keySecrets.get(secretName.key(id)));
    if (!secret) {
      throw new AppError(
        'not-found',
        `Keytray does not hold the secret of ${shortKeyId(id)}. Use "Add secret" to paste it.`,
      );
    }
    deps.redactor.remember(secret);
    return secret;
  }

  async function view(id: string): Promise<KeyView> {
    const found = (await list()).keys.find((k) => k.id === id);
    if (!found) throw new AppError('not-found', `Keytray does not know ${shortKeyId(id)}.`);
    return found;
  }

  function refuseOwnKey(id: string, action: string) {
    if (id === deps.accounts.session().keyId) {
      throw new AppError(
        'rejected',
        `${shortKeyId(id)} is the key Keytray itself uses to reach Telnyx, so it can't ${action} it. Connect with another key first.`,
      );
    }
  }

  async function create(input: { tags: string[]; expiresAt: string | null }): Promise<KeyCreated> {
    const tags = checkTags(input.tags);
    if (!tags.ok) throw new AppError('invalid-input', tags.message);
    if (input.expiresAt !== null && Date.parse(input.expiresAt) <= deps.clock.now().getTime()) {
      throw new AppError('invalid-input', 'Pick an expiry date in the future.');
    }
    const session = deps.accounts.session();
    const knownIds = new Set(deps.keyCache.read().keys.map((k) => k.id));
    const created = await session.client.createKey(
      { tags: tags.tags, expiresAt: input.expiresAt },
      fetchKeys,
      knownIds,
    );
    deps.redactor.remember(created.secret);
    const captured = await captureCreatedSecret({
      id: created.record.id,
      secret: created.secret,
      store: session.keySecrets,
      unsaved,
      logger: deps.logger,
    });
    if (captured.saved) (await heldIds()).add(created.record.id);
    const cache = deps.keyCache.read();
    deps.keyCache.write({
      ...cache,
      keys: [created.record, ...cache.keys.filter((k) => k.id !== created.record.id)],
    });
    deps.logger.info('key created', { id: created.record.id, saved: captured.saved });
    changed();
    return { key: await view(created.record.id), ...captured };
  }

  const service = {
    list,
    secretOf,

    async sync(): Promise<KeyList> {
      try {
        const keys = await fetchKeys();
        deps.keyCache.write({ keys, syncedAt: deps.clock.now().toISOString() });
        offline = false;
      } catch (error) {
        if (
          error instanceof AppError &&
          ['unavailable', 'rate-limited', 'bad-response'].includes(error.code)
        ) {
          offline = true;
          changed();
        }
        throw error;
      }
      changed();
      return list();
    },

    create,

    /**
     * Rotation with overlap: a new key with the old one's tags and expiry length (from now), saved and put
     * on the clipboard. The old key keeps working until the person disables it (now, in 24 h, or later).
     */
    async replace(id: string): Promise<KeyReplaced> {
      const old = findCached(id);
      const now = deps.clock.now().getTime();
      let expiresAt: string | null = null;
      if (old.expiresAt !== null) {
        const created = old.createdAt ? Date.parse(old.createdAt) : NaN;
        const length = Number.isNaN(created)
          ? DEFAULT_REPLACEMENT_DAYS * DAY_MS
          : Math.max(DAY_MS, Date.parse(old.expiresAt) - created);
        expiresAt = new Date(now + length).toISOString();
      }
      const created = await create({ tags: old.tags, expiresAt });
      const secret = await secretOf(created.key.id);
      const clearsInSeconds = await deps.clipboard.copy(formatKey(secret, 'raw'));
      deps.events.emit('copied', { label: created.key.id, clearsInSeconds });
      return {
        created,
        replacedId: id,
        clearsInSeconds,
        canDisableOld: deps.accounts.session().capabilities.isOwner,
      };
    },

    /** After a replacement: disable the old key now, in 24 hours (kept even across restarts), or not yet. */
    async scheduleDisable(
      id: string,
      replacedBy: string,
      when: 'now' | 'in-24-hours' | 'later',
    ): Promise<KeyView> {
      findCached(id);
      if (when === 'later') deps.schedule.cancel(id);
      else if (when === 'now') await service.setEnabled(id, false);
      else {
        if (!deps.accounts.session().capabilities.isOwner) throw ownerOnly('disable');
        refuseOwnKey(id, 'disable');
        deps.schedule.plan({
          keyId: id,
          replacedBy,
          at: new Date(deps.clock.now().getTime() + DAY_MS).toISOString(),
        });
      }
      changed();
      return view(id);
    },

    async setEnabled(id: string, enabled: boolean): Promise<KeyView> {
      const session = deps.accounts.session();
      findCached(id);
      if (!session.capabilities.isOwner) throw ownerOnly(enabled ? 'enable' : 'disable');
      if (!enabled) refuseOwnKey(id, 'disable');
      try {
        replaceCached(await session.client.setEnabled(id, enabled));
        // Turning the key back on (or off by hand) overrides a planned disable.
        deps.schedule.cancel(id);
      } catch (error) {
        if (error instanceof AppError && error.code === 'rejected') {
          throw new AppError(
            'rejected',
            `${shortKeyId(id)} has expired, so it can't be turned on or off. Create a new key instead.`,
            error.detail,
          );
        }
        throw error;
      }
      changed();
      return view(id);
    },

    async setTags(id: string, input: string[]): Promise<KeyView> {
      const tags = checkTags(input);
      if (!tags.ok) throw new AppError('invalid-input', tags.message);
      const session = deps.accounts.session();
      findCached(id);
      if (session.capabilities.editTags === 'unavailable') throw notSupported('edit tags');
      try {
        replaceCached(await session.client.updateTags(id, tags.tags));
        deps.accounts.setCapability('editTags', 'available');
      } catch (error) {
        // The id is in our list, so a 404 here means the route, not the key, is missing.
        if (error instanceof AppError && (error.code === 'not-found' || error.code === 'not-supported')) {
          deps.accounts.setCapability('editTags', 'unavailable');
          throw notSupported('edit tags');
        }
        throw error;
      }
      changed();
      return view(id);
    },

    async delete(id: string): Promise<void> {
      const session = deps.accounts.session();
      findCached(id);
      refuseOwnKey(id, 'delete');
      if (session.capabilities.isOwner) {
        await session.client.deleteAsOwner(id);
      } else {
        if (session.capabilities.deleteOwn === 'unavailable') throw notSupported('delete keys');
        try {
          await session.client.deleteOwn(id);
          deps.accounts.setCapability('deleteOwn', 'available');
        } catch (error) {
          if (error instanceof AppError && (error.code === 'not-found' || error.code === 'not-supported')) {
            deps.accounts.setCapability('deleteOwn', 'unavailable');
            throw notSupported('delete keys');
          }
          throw error;
        }
      }
      // Revoked at Telnyx: its secret is worthless now, so it goes too.
      await session.keySecrets.delete(secretName.key(id)).catch(() => false);
      (await heldIds()).delete(id);
      unsaved.delete(id);
      deps.pins.remove('key', id);
      deps.schedule.cancel(id);
      const cache = deps.keyCache.read();
      deps.keyCache.write({ ...cache, keys: cache.keys.filter((k) => k.id !== id) });
      deps.logger.info('key deleted', { id });
      changed();
    },

    async copy(id: string, format: KeyCopyFormat): Promise<CopyDone> {
      const secret = await secretOf(id);
      const done = { label: id, clearsInSeconds: await deps.clipboard.copy(formatKey(secret, format)) };
      deps.events.emit('copied', done);
      return done;
    },

    async addSecret(id: string, value: string): Promise<KeyView> {
      const trimmed = value.trim();
      const parsed = parseKeyValue(trimmed);
      if (!parsed)
        throw new AppError(
          'invalid-input',
          'That does not look like a Telnyx API key. A key starts with KEY and has an underscore in it.',
        );
      if (parsed.id !== id) {
        throw new AppError(
          'invalid-input',
          `That key is ${shortKeyId(parsed.id)}, not ${shortKeyId(id)}. Paste the key whose id starts the same.`,
        );
      }
      deps.redactor.remember(trimmed);
      await deps.accounts.session().keySecrets.set(secretName.key(id), trimmed);
      (await heldIds()).add(id);
      unsaved.delete(id);
      changed();
      return view(id);
    },

    /** The one path that hands a stored secret to the popup, on the person's explicit `Reveal…`. */
    async reveal(id: string): Promise<{ secret: string }> {
      const secret = await secretOf(id);
      deps.logger.info('key revealed', { id });
      return { secret };
    },

    async pin(id: string, pinned: boolean, label?: string | null): Promise<KeyView> {
      await view(id);
      if (pinned) deps.pins.add('key', id, label);
      else deps.pins.remove('key', id);
      changed();
      return view(id);
    },

    /** Forget per-session state when the account changes. */
    reset() {
      unsaved.clear();
      held = null;
      offline = false;
    },
  };
  return service;
}

export type KeyService = ReturnType<typeof createKeyService>;
