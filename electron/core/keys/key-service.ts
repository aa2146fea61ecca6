import type { KeyCopyFormat } from '../../common/contract.js';
import { expiryTime } from '../../common/expiry.js';
import { shortKeyId } from '../../common/key-id.js';
import { firstKeys } from '../../common/key-order.js';
import { checkTags } from '../../common/tags.js';
import { mostUsed, TOP_TAGS, topTags } from '../../common/top-tags.js';
import { isUnused, lastUseText, whyLeftOut } from '../../common/unused-keys.js';
import type { Attention, CopyDone, KeyCreated, KeyList, KeyReplaced, KeyView } from '../../common/models.js';
import type { AccountService } from '../accounts/account-service.js';
import type { Session } from '../accounts/session.js';
import type { SecureClipboard } from '../clipboard/secure-clipboard.js';
import { AppError } from '../errors.js';
import type { Events } from '../events.js';
import type { Redactor } from '../logging/redact.js';
import type { Clock, Logger } from '../ports.js';
import type { DocumentStore } from '../settings/json-store.js';
import type { KeyCache } from '../settings/stored-state.js';
import type { KeyRecord } from '../telnyx/unverified.js';
import { afterAction } from './answered-record.js';
import { captureCreatedSecret } from './capture-created-secret.js';
import { createHeldSecrets } from './held-secrets.js';
import { storePastedSecret } from './pasted-secret.js';
import { checkCreated } from './created-check.js';
import { formatKey } from './copy-formats.js';
import { notSupported, ownerOnly } from './key-messages.js';
import type { DisableSchedule } from './disable-schedule.js';
import type { KeyNames } from './key-names.js';
import type { NotedFirstScreen } from './first-screen-ahead.js';
import { createKeyViews, type KeyFacts } from './key-views.js';
import { createListRevisions, sameFields } from './list-revisions.js';
import type { Pins } from './pins.js';

const DAY_MS = 86_400_000;

/** Why a key is not (or no longer) "unused", for the report of "Disable these keys…". */
function whyInUse(key: KeyRecord, now: Date, days: number): string {
  if (key.unreadable.includes('lastUsedAt')) return 'Telnyx did not say when it was last used';
  if (key.lastUsedAt !== null) return `Telnyx now says it was ${lastUseText(key, now)}`;
  return key.createdAt === null
    ? 'Telnyx did not say when it was created'
    : `it was created within the last ${days} days`;
}
/** A replacement for a key whose creation date Telnyx did not give: the longest preset. */
const DEFAULT_REPLACEMENT_DAYS = 90;

export type KeyServiceDeps = {
  accounts: AccountService;
  keyCache: DocumentStore<KeyCache>;
  pins: Pins;
  names: KeyNames;
  /** Which of these keys need attention (the one rule, less snoozes): `KeyList.attention`. */
  attention: (keys: readonly KeyRecord[]) => Attention;
  schedule: DisableSchedule;
  clipboard: SecureClipboard;
  events: Events;
  clock: Clock;
  logger: Logger;
  redactor: Redactor;
  /** "Not used for «n» days", as Settings has it (`Preferences.unusedAfterDays`); 90 when not given. */
  unusedAfterDays?: () => number;
  /**
   * Runs work the person is not waiting for after the current answer (the shells pass one; without it, that
   * work is awaited before answering, as tests expect).
   */
  later?: (task: () => Promise<void>) => void;
};

/**
 * API v2 keys: the cached list and sync, create (secret captured first), enable/disable, tags, delete,
 * copy, add a secret, reveal. Secrets leave this module only towards the clipboard, or on an explicit reveal.
 */
export function createKeyService(deps: KeyServiceDeps) {
  const held = createHeldSecrets(deps);
  const revisions = createListRevisions();
  const views = createKeyViews();
  let offline = false;
  /** Syncs started, and the newest whose list was kept (see `sync`). */
  let syncsStarted = 0;
  let newestKept = 0;
  const changed = () => deps.events.emit('keys.changed', {});

  /**
   * Views for many keys at once. Pins and planned disables are read once per call, not once per key:
   * each read clones the settings document, and 10,000 of those made a list take seconds. Unchanged keys
   * keep their view objects (see `createKeyViews`).
   */
  function toViews(records: KeyRecord[], ids: Set<string>): KeyView[] {
    return views.build(records, factsOf(ids));
  }
  function factsOf(ids: Set<string>): KeyFacts {
    return {
      inKeychain: ids,
      unsaved: held.unsaved(),
      pins: new Map(
        deps.pins
          .list()
          .filter((p) => p.kind === 'key')
          .map((p) => [p.id, p.label]),
      ),
      disables: new Map(deps.schedule.list().map((d) => [d.keyId, d.at])),
      names: deps.names.all(),
    };
  }

  /**
   * The list as the popup shows it. With `since` (a revision the popup holds), `keys` holds only the keys that
   * changed after it (see `KeyList.changedSince`); without, or when that revision is unknown, every key.
   * `noted`: a first screen worked out while the list arrived (see `noteFirstScreen`), if it answers for it.
   */
  async function list(
    since?: number,
    first?: number,
    noted?: (records: readonly KeyRecord[], now: number) => NotedFirstScreen | null,
  ): Promise<KeyList> {
    const cache = deps.keyCache.read();
    const ids = await held.inKeychain();
    const unsaved = held.unsaved();
    // Keys whose secret we hold but that the API does not list. Without a list route (a non-owner without the
    // own-keys route) that is every key; with one, a key Telnyx no longer lists is gone, not active — except
    // one held only in memory, which must stay copyable until quit. Their status, tags and expiry are unknown,
    // not "active", "none" and "never".
    const { capabilities } = deps.accounts.session();
    const hasList = capabilities.isOwner || capabilities.listOwn === 'available';
    const candidates = [...new Set([...(hasList ? [] : ids), ...unsaved.keys()])];
    // Built only when there is something to look up (usually nothing is held outside the list).
    const listed = candidates.length > 0 ? new Set(cache.keys.map((k) => k.id)) : null;
    const extra = candidates
      .filter((id) => !listed?.has(id))
      .map((id): KeyRecord => ({
        id,
        userId: null,
        userEmail: null,
        status: 'unknown',
        statusWord: null,
        tags: [],
        expiresAt: null,
        lastUsedAt: null,
        createdAt: null,
        unreadable: ['tags', 'expiresAt', 'lastUsedAt'],
      }));
    const records = [...cache.keys, ...extra];
    const now = deps.clock.now();
    if (first !== undefined && since === undefined) {
      // A first screen: the keys the popup shows on top, in its order (the same rule, at the same instant),
      // found among the records; their views only. The whole list is asked for next.
      const facts = factsOf(ids);
      const ahead = noted?.(cache.keys, now.getTime()) ?? null;
      const among = ahead ? notedAmong(cache.keys, ahead, facts.pins) : null;
      const top = firstKeys(among ? [...among.ranked, ...extra] : records, now, first, (r) =>
        facts.pins.has(r.id),
      );
      return {
        keys: views.some(top, facts),
        attention: deps.attention(among?.attention ?? cache.keys),
        syncedAt: cache.syncedAt,
        offline,
        now: now.toISOString(),
        total: records.length,
        topTags: ahead ? mostUsed(ahead.tags, TOP_TAGS) : topTags(records, TOP_TAGS),
      };
    }
    const shown = toViews(records, ids);
    const revision = revisions.record(shown);
    const changes = since === undefined ? null : revisions.since(shown, since);
    return {
      keys: changes?.keys ?? shown,
      attention: deps.attention(cache.keys),
      syncedAt: cache.syncedAt,
      offline,
      now: now.toISOString(),
      revision,
      ...(changes && since !== undefined ? { changedSince: since } : {}),
      ...(changes?.order ? { order: changes.order } : {}),
    };
  }

  /**
   * The records a noted first screen names, as the list has them now (a later step may have given one its
   * owner's e-mail), with the pinned ones: one pass over the list, in its order.
   */
  function notedAmong(
    keys: readonly KeyRecord[],
    ahead: NotedFirstScreen,
    pins: ReadonlyMap<string, unknown>,
  ) {
    const ranked = new Set(ahead.ranked.map((r) => r.id));
    const attention = new Set(ahead.attention.map((r) => r.id));
    const among = { ranked: [] as KeyRecord[], attention: [] as KeyRecord[] };
    for (const key of keys) {
      if (ranked.has(key.id) || pins.has(key.id)) among.ranked.push(key);
      if (attention.has(key.id)) among.attention.push(key);
    }
    return among;
  }

  async function fetchKeys(): Promise<KeyRecord[]> {
    const session = deps.accounts.session();
    const cached = deps.keyCache.read().keys;
    const expected = cached.length;
    // Records that did not change come back as the cached objects, compared while later pages are on their
    // way: the list built from them after the sync then finds nearly everything as it was.
    let byId: Map<string, KeyRecord> | null = null;
    const keep = (record: KeyRecord) => {
      byId ??= new Map(cached.map((k) => [k.id, k]));
      const before = byId.get(record.id);
      const kept = before !== undefined && sameFields(before, record) ? before : record;
      // Its expiry parsed now too, while later pages are on their way: the first screen's order and the
      // attention count need every key's, as soon as the last page is in.
      expiryTime(kept);
      return kept;
    };
    if (session.capabilities.isOwner) return session.client.listOrganizationKeys(expected, keep);
    if (session.capabilities.listOwn === 'unavailable') return [];
    try {
      const keys = await session.client.listOwnKeys(expected, keep);
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

  /**
   * The list as Telnyx has it now, or null when this account has no list route (a non-owner without the
   * own-keys route): then "no key appeared" or "not listed" would be a guess.
   */
  async function listedNow(): Promise<KeyRecord[] | null> {
    const keys = await fetchKeys();
    const { capabilities } = deps.accounts.session();
    return capabilities.isOwner || capabilities.listOwn === 'available' ? keys : null;
  }

  async function relistAfterFailedCreate(): Promise<KeyRecord[]> {
    const keys = await listedNow();
    if (keys === null) throw new AppError('not-supported', 'Telnyx lists no keys for this account.');
    return keys;
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

  const secretOf = (id: string) => held.secretOf(id);

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

  /**
   * `keptTags`: tags copied from an existing key (a replacement), passed as Telnyx has them. The secret is
   * captured before anything else; then what Telnyx applied is checked against what was asked (from its
   * answer, or — when the answer does not say — from the list right after, which also serves as a sync).
   */
  async function create(
    input: { tags: string[]; expiresAt: string | null },
    keptTags: readonly string[] = [],
  ): Promise<KeyCreated> {
    const tags = checkTags(input.tags, { existing: keptTags });
    if (!tags.ok) throw new AppError('invalid-input', tags.message);
    if (input.expiresAt !== null && Date.parse(input.expiresAt) <= deps.clock.now().getTime()) {
      throw new AppError('invalid-input', 'Pick an expiry date in the future.');
    }
    const session = deps.accounts.session();
    const knownIds = new Set(deps.keyCache.read().keys.map((k) => k.id));
    const requested = { tags: tags.tags, expiresAt: input.expiresAt };
    const created = await session.client.createKey(requested, relistAfterFailedCreate, knownIds);
    deps.redactor.remember(created.secret);
    const newId = created.record.id;
    // Everything the capture needs comes from the session the create was sent in: the person may have
    // disconnected, or connected another account, while Telnyx answered. The secret goes to its own account.
    const captured = await captureCreatedSecret({
      id: newId,
      secret: created.secret,
      store: session.keySecrets,
      unsaved: held.unsavedFor(session.scope),
      logger: deps.logger,
    });
    if (deps.accounts.scope() !== session.scope) {
      deps.logger.warn('account changed while a key was created; kept with the account it belongs to', {
        id: newId,
        saved: captured.saved,
      });
      throw new AppError(
        'rejected',
        `Telnyx created ${shortKeyId(newId)}, but another account was connected meanwhile. Keytray kept its full key with the account it was created in${captured.saved ? '' : ' (in memory, until Keytray quits)'}: connect that account again to copy it.`,
      );
    }
    if (captured.saved) (await held.inKeychain()).add(newId);
    let record = created.record;
    const cache = deps.keyCache.read();
    deps.keyCache.write({ ...cache, keys: [record, ...cache.keys.filter((k) => k.id !== newId)] });

    // An answer that left fields out (docs-minimal: only `data.api_key`): the list right after tells them.
    if (record.unreadable.length > 0 || record.status === 'unknown') {
      const listed = await listedNow().catch((error: unknown) => {
        deps.logger.warn('could not list keys after a create', { error });
        return null;
      });
      if (listed !== null) {
        const found = listed.find((k) => k.id === newId);
        if (found) record = found;
        await service.accept(found ? listed : [record, ...listed], session);
      }
    }
    const check = checkCreated(requested, record);
    const expiryMissed = check.notApplied?.expiresAt !== undefined || check.unconfirmed.includes('expiresAt');
    deps.logger.info('key created', {
      id: newId,
      saved: captured.saved,
      notApplied: Object.keys(check.notApplied ?? {}),
      unconfirmed: check.unconfirmed,
    });
    changed();
    return {
      key: await view(newId),
      ...captured,
      requested,
      ...check,
      canDisableOnExpiry: expiryMissed && deps.accounts.session().capabilities.isOwner,
    };
  }

  /** Keeps a fresh list (see `accept`): cached, older keys adopted. */
  async function keep(keys: KeyRecord[], session: Session): Promise<void> {
    if (deps.accounts.scope() !== session.scope) return;
    deps.keyCache.write({ scope: null, keys, syncedAt: deps.clock.now().toISOString() });
    offline = false;
    // The popup asks for this list next: which of its keys the keychain holds (asked once per account, over
    // D-Bus in ~10 ms) is on its way meanwhile.
    void held.inKeychain().catch(() => undefined);
    const adopt = () =>
      held
        .adoptLegacy(session, keys)
        .catch((error: unknown) => deps.logger.warn('could not adopt older saved keys', { error }));
    if (!deps.later) return adopt();
    deps.later(async () => {
      if (deps.accounts.scope() !== session.scope) return;
      const before = (await held.inKeychain()).size;
      await adopt();
      if (deps.accounts.scope() === session.scope && (await held.inKeychain()).size !== before) changed();
    });
  }

  const service = {
    list,
    secretOf,

    /** A fresh list from Telnyx; answered like `list(since)`. */
    async sync(since?: number): Promise<KeyList> {
      const session = deps.accounts.session();
      const mine = (syncsStarted += 1);
      try {
        const keys = await fetchKeys();
        // Another account was connected while this list was on its way: it is not that account's list.
        if (deps.accounts.scope() !== session.scope) return await list(since);
        // Two syncs at once (Sync now while a switch's sync runs): the one that started first may finish
        // last, with older news. It must not replace the list a later one kept (a key's new expiry, say).
        if (mine < newestKept) return await list(since);
        newestKept = mine;
        await keep(keys, session);
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
      return list(since);
    },

    create: (input: { tags: string[]; expiresAt: string | null }) => create(input),

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
      let created: KeyCreated;
      try {
        created = await create({ tags: old.tags, expiresAt }, old.tags);
      } catch (error) {
        // "Create without …" is for a new key the person is setting up; a replacement copies the old key.
        if (error instanceof AppError && (error.code === 'tags-refused' || error.code === 'expiry-refused')) {
          throw new AppError(
            'rejected',
            `Telnyx did not accept the ${error.code === 'tags-refused' ? 'tags' : 'expiry date'} of ${shortKeyId(id)} on a new key, so no replacement was created. Create a key with Create key instead.`,
            error.detail,
          );
        }
        throw error;
      }
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

    /**
     * A new key whose requested expiry Telnyx did not set (`KeyCreated.canDisableOnExpiry`): disabled on that
     * date by Keytray, through the planned disable a replacement uses. Works only while Keytray runs (or at
     * its next start); turning the key on or off by hand cancels it.
     */
    async planDisable(id: string, at: string): Promise<KeyView> {
      findCached(id);
      if (!deps.accounts.session().capabilities.isOwner) throw ownerOnly('disable');
      refuseOwnKey(id, 'disable');
      if (Date.parse(at) <= deps.clock.now().getTime()) {
        throw new AppError('invalid-input', 'Pick a date in the future for Keytray to disable the key.');
      }
      deps.schedule.plan({ keyId: id, replacedBy: null, at: new Date(at).toISOString() });
      deps.logger.info('disable planned for the requested expiry date', { id });
      changed();
      return view(id);
    },

    /** A 2xx is success whatever its body (see `afterAction`); the next sync confirms the status. */
    async setEnabled(id: string, enabled: boolean): Promise<KeyView> {
      const session = deps.accounts.session();
      const cached = findCached(id);
      if (!session.capabilities.isOwner) throw ownerOnly(enabled ? 'enable' : 'disable');
      if (!enabled) refuseOwnKey(id, 'disable');
      try {
        const answered = await session.client.setEnabled(id, enabled);
        replaceCached(afterAction(cached, answered, { status: enabled ? 'active' : 'inactive' }));
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

    /**
     * One key of "Disable these keys…": turned off only if it still is what the popup offered — unused for the
     * window by what Telnyx last reported, on, and not a key Keytray uses (see `unused-keys.ts`). Checked here
     * again because the list may have changed since the popup offered it (a sync found it used yesterday).
     */
    async disableUnused(id: string): Promise<KeyView> {
      const cached = findCached(id);
      const session = deps.accounts.session();
      if (!session.capabilities.isOwner) throw ownerOnly('disable');
      const days = deps.unusedAfterDays?.() ?? 90;
      const now = deps.clock.now();
      const short = shortKeyId(id);
      const status = deps.accounts.status();
      const used = status.connected ? status.accountKeyIds : [session.keyId];
      const leftOut = whyLeftOut({ ...cached, hasSecret: await held.holds(id) }, used);
      if (leftOut === 'connected') refuseOwnKey(id, 'disable');
      if (leftOut !== null || !isUnused(cached, now, days)) {
        throw new AppError(
          'rejected',
          leftOut === 'held'
            ? `Keytray holds the full key of ${short}, so it is not turned off with the unused keys. Turn it off on its own row if you mean to.`
            : leftOut === 'off'
              ? `${short} is not on any more, so there was nothing to turn off.`
              : `${short} was left on: ${whyInUse(cached, now, days)}.`,
        );
      }
      return service.setEnabled(id, false);
    },

    async setTags(id: string, input: string[]): Promise<KeyView> {
      const session = deps.accounts.session();
      // Tags the key already carries pass as they are; only the ones typed here are checked.
      const cached = findCached(id);
      const tags = checkTags(input, { existing: cached.tags });
      if (!tags.ok) throw new AppError('invalid-input', tags.message);
      if (session.capabilities.editTags === 'unavailable') throw notSupported('edit tags');
      try {
        const answered = await session.client.updateTags(id, tags.tags);
        replaceCached(afterAction(cached, answered, { tags: tags.tags }));
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
      await held.drop(id);
      deps.pins.remove('key', id);
      deps.names.remove(id);
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

    /** `Save the full key`: a pasted secret for a key Keytray does not hold, checked with Telnyx first. */
    saveSecret: (id: string, value: string, confirmUnchecked: boolean) =>
      storePastedSecret(pasteDeps, { id, value, confirmUnchecked, mode: 'new' }),

    /** `Change saved key…`: the explicit way to replace a secret Keytray holds, checked the same way. */
    changeSecret: (id: string, value: string, confirmUnchecked: boolean) =>
      storePastedSecret(pasteDeps, { id, value, confirmUnchecked, mode: 'change' }),

    /**
     * `Forget saved key…`: Keytray deletes its copy; the key keeps working at Telnyx. The popup confirms first and
     * offers Copy, since the full key cannot be fetched again.
     */
    async forgetSecret(id: string): Promise<KeyView> {
      if (!(await held.holds(id))) {
        throw new AppError('not-found', `Keytray does not hold the full key of ${shortKeyId(id)}.`);
      }
      if (id === deps.accounts.session().keyId) {
        throw new AppError(
          'rejected',
          `${shortKeyId(id)} is the key Keytray itself uses to reach Telnyx. Disconnect instead.`,
        );
      }
      await held.forget(id);
      deps.logger.info('saved key forgotten', { id });
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

    /** `Rename…`: a name on this device only (Telnyx has none); null or '' removes it. */
    async rename(id: string, name: string | null): Promise<KeyView> {
      await view(id);
      deps.names.set(id, name);
      changed();
      return view(id);
    },

    /**
     * A fresh list from Telnyx (a sync, or the list connecting fetched): cached, and any full key saved before
     * accounts were told apart adopted by this account if it lists that key. The adoption asks the keychain
     * for every entry, so with `later` it runs after the answer (the list shows it when it is done).
     */
    async accept(keys: KeyRecord[], session: Session): Promise<void> {
      // Newer than any sync under way (those started before this list was fetched): they must not replace it.
      newestKept = syncsStarted + 0.5;
      await keep(keys, session);
    },

    /** Keys whose full key is only in memory (the keychain refused it), per account: lost at quit. */
    unsaved: () => held.all(),
    /** A removed account's full keys held only in memory go with it. */
    forgetAccount: (scope: string) => held.forgetAccount(scope),

    /** Forget per-session state when the account changes. Secrets held only in memory stay (see above). */
    reset() {
      held.reset();
      revisions.reset();
      offline = false;
    },
  };
  const pasteDeps = { ...deps, held, view, changed };
  return service;
}

export type KeyService = ReturnType<typeof createKeyService>;
