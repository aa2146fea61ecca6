import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Fetch, Logger } from '../ports.js';
import { badResponseError } from './errors.js';
import { createHttp, type HttpOptions, type HttpResponse } from './http.js';
import { fetchAllPages } from './pagination.js';
import {
  compileSpellings,
  Degradations,
  IAM_SETTINGS_PATH,
  idFromSecret,
  parseIamEnabled,
  parseKeyRecord,
  parseScopeStatements,
  SCOPES_PATH,
  type ScopeStatement,
  parseOrganizationUser,
  UNVERIFIED,
  type KeyRecord,
  type LearnedSpellings,
} from './unverified.js';

/**
 * Given each record as its page is parsed, returns the one to keep: the caller's own copy when nothing in it
 * changed (a sync of 10,000 keys then hands back the objects it had, and what is built from them need not be
 * built again), else the record. Done while the other pages are still on their way.
 */
export type KeepRecord = (record: KeyRecord) => KeyRecord;
export { resolveBaseUrl, TELNYX_BASE_URL } from './base-url.js';

export type ClientOptions = {
  fetch: Fetch;
  baseUrl: string;
  apiKey: string;
  logger: Logger;
  now: () => Date;
  /**
   * The key-record spellings a compatibility check found for this account (see `compatibility/`), read once
   * per list or answer so a check takes effect on the next sync.
   */
  learnedSpellings?: () => LearnedSpellings | null;
} & Pick<HttpOptions, 'timeoutMs' | 'sleep' | 'random'>;

export type Balance = { balance: string; currency: string } | null;

/** A new key: its record as far as Telnyx's answer told it (see `KeyRecord.unreadable`), and its secret. */
export type CreatedKey = { record: KeyRecord; secret: string };

const DataEnvelope = z.looseObject({ data: z.unknown() });
const CreatedEnvelope = z.looseObject({
  data: z.looseObject({ [UNVERIFIED.createdSecretField]: z.string().min(1) }),
});
const BalanceData = z.looseObject({ balance: z.string(), currency: z.string() });

/** A Telnyx refusal the caller can act on: 404/405/501 say the route is not there for this key. */
const routeMissing = (error: unknown) =>
  error instanceof AppError && (error.code === 'not-found' || error.code === 'not-supported');

/**
 * The Telnyx API as Keytray uses it. Documented routes are called by name here; undocumented ones come from
 * `unverified.ts`. Every method throws `AppError` with a plain message.
 */
export function createTelnyxClient(options: ClientOptions) {
  const http = createHttp(options);
  const { now, logger } = options;
  const spellings = () => compileSpellings(options.learnedSpellings?.());

  /** One log line per list or answer, field names and types only, when parsing had to degrade something. */
  const report = (what: string, tally: Degradations, records: number) => {
    if (tally.any) logger.warn('telnyx key records degraded', { what, records, ...tally.summary() });
  };

  /** The record in an action's answer; null when the answer carries none Keytray can read (the action still happened). */
  const answeredRecord = (body: unknown, what: string): KeyRecord | null => {
    const data = DataEnvelope.safeParse(body);
    if (!data.success) return null;
    const tally = new Degradations();
    const parsed = parseKeyRecord(data.data.data, now(), tally, undefined, spellings());
    report(what, tally, 1);
    return parsed;
  };

  /** All pages of a key list, parsed; a key created while we walk the pages shifts the rest by one: keep each id once. */
  const allKeys = async (
    path: string,
    expectedItems: number | undefined,
    pageSize?: number | null,
    keep?: KeepRecord,
  ): Promise<KeyRecord[]> => {
    const at = now();
    const tally = new Degradations();
    const read = spellings();
    const parsed = await fetchAllPages(
      http,
      path,
      (item) => {
        const record = parseKeyRecord(item, at, tally, undefined, read);
        return record && keep ? keep(record) : record;
      },
      {
        ...(expectedItems ? { expectedItems } : {}),
        ...(pageSize === undefined ? {} : { pageSize }),
      },
    );
    const seen = new Set<string>();
    const keys = parsed.filter((key) => !seen.has(key.id) && seen.add(key.id));
    report(path, tally, keys.length);
    return keys;
  };

  /**
   * Keys that name a user but no e-mail get it from `GET /v2/organizations/users` [doc, owner only]: once per
   * list. If that fails, they keep none (the popup says "a member") and the list is not held up.
   */
  async function withEmails(keys: KeyRecord[]): Promise<KeyRecord[]> {
    if (!keys.some((k) => k.userEmail === null && k.userId !== null)) return keys;
    let emails: Map<string, string>;
    try {
      const users = await fetchAllPages(http, '/organizations/users', parseOrganizationUser, {
        pageSize: null,
      });
      emails = new Map(users.map((u) => [u.id, u.email]));
    } catch (error) {
      logger.warn('could not look up the e-mails of key owners', { error });
      return keys;
    }
    return keys.map((k) => {
      const email = k.userEmail === null && k.userId !== null ? emails.get(k.userId) : undefined;
      return email === undefined ? k : { ...k, userEmail: email };
    });
  }

  return {
    /**
     * One read-only GET whose answer comes back as Telnyx sent it, unparsed: for the compatibility check,
     * which reports field names and types. Never used to act; failures throw `AppError` as everywhere.
     */
    async readRaw(path: string, query: Record<string, string | number> = {}): Promise<HttpResponse> {
      return http.request({ method: 'GET', path, query, retry: 'safe' });
    },

    /**
     * `GET /v2/balance`, Telnyx's own first authentication check: 200 = valid key, 403 = valid key without
     * balance permission, 422 = "invalid or missing account information" after the key was accepted (all three
     * mean the key is right; the balance is then unknown), 401 = refused.
     */
    async checkKey(): Promise<Balance> {
      try {
        const { body } = await http.request({ method: 'GET', path: '/balance', retry: 'safe' });
        const data = DataEnvelope.safeParse(body);
        const balance = data.success ? BalanceData.safeParse(data.data.data) : null;
        return balance?.success ? { balance: balance.data.balance, currency: balance.data.currency } : null;
      } catch (error) {
        if (error instanceof AppError && error.code === 'forbidden') return null;
        if (error instanceof AppError && error.detail['httpStatus'] === 422) return null;
        throw error;
      }
    },

    /**
     * Does this key read the organization's key list? `GET /v2/iam/api_keys?page[size]=1`: 200 yes (an owner's
     * key); 403 no; 404, 405 or 501 no as well — the IAM routes are not in Telnyx's public spec or SDKs, so an
     * account may lack them, and that says nothing about the key, which `/balance` has just accepted.
     */
    async isOwner(): Promise<boolean> {
      try {
        await http.request({
          method: 'GET',
          path: '/iam/api_keys',
          query: { 'page[size]': 1 },
          retry: 'safe',
        });
        return true;
      } catch (error) {
        if (error instanceof AppError && error.code === 'forbidden') return false;
        if (routeMissing(error)) {
          logger.info('the organization key list is not available to this key', {
            httpStatus: (error as AppError).detail['httpStatus'],
          });
          return false;
        }
        throw error;
      }
    },

    /**
     * `expectedItems`: how many keys the last sync found, to fetch the first pages together. `keep`: see
     * `KeepRecord`.
     */
    async listOrganizationKeys(expectedItems?: number, keep?: KeepRecord): Promise<KeyRecord[]> {
      return withEmails(await allKeys('/iam/api_keys', expectedItems, undefined, keep));
    },

    /** [seen] A route that refuses `page[size]=250` (400/422) is walked again at Telnyx's default size. */
    async listOwnKeys(expectedItems?: number, keep?: KeepRecord): Promise<KeyRecord[]> {
      try {
        return await allKeys(UNVERIFIED.ownListPath, expectedItems, undefined, keep);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'rejected')) throw error;
        logger.info('own-keys list refused the page size; using the default', {
          httpStatus: error.detail['httpStatus'],
        });
        return allKeys(UNVERIFIED.ownListPath, expectedItems, null, keep);
      }
    },

    /**
     * [doc] route, [guess] answer body. A 2xx is success whatever its body: the record when the answer holds
     * one, else null (the caller updates its copy, and the next sync confirms).
     */
    async setEnabled(id: string, enabled: boolean): Promise<KeyRecord | null> {
      const action = enabled ? 'activate' : 'deactivate';
      const path = `/iam/api_keys/${encodeURIComponent(id)}/actions/${action}`;
      const { body } = await http.request({ method: 'POST', path, retry: 'safe', anyBodyOnSuccess: true });
      return answeredRecord(body, action);
    },

    /** [doc] route, owner only; [guess] envelope (see `parseScopeStatements`). Null: no statements Keytray can read. */
    async keyScopes(id: string): Promise<ScopeStatement[] | null> {
      const { body } = await http.request({ method: 'GET', path: SCOPES_PATH(id), retry: 'safe' });
      return parseScopeStatements(body);
    },

    /** [doc] route; [guess] field (see `parseIamEnabled`). Null: the answer did not say. */
    async iamEnabled(): Promise<boolean | null> {
      const { body } = await http.request({ method: 'GET', path: IAM_SETTINGS_PATH, retry: 'safe' });
      return parseIamEnabled(body);
    },

    async deleteAsOwner(id: string): Promise<void> {
      await deleteIdempotently(`/iam/api_keys/${encodeURIComponent(id)}`);
    },

    async deleteOwn(id: string): Promise<void> {
      await deleteIdempotently(UNVERIFIED.ownDeletePath(id));
    },

    /** [guess] route and answer: a 2xx is success; the record when the answer holds one, else null. */
    async updateTags(id: string, tags: string[]): Promise<KeyRecord | null> {
      const body = UNVERIFIED.updateBody(tags);
      const answer = await http.request({
        method: 'PATCH',
        path: UNVERIFIED.updatePath(id),
        body,
        retry: 'safe',
        anyBodyOnSuccess: true,
      });
      return answeredRecord(answer.body, 'tag edit');
    },

    /**
     * `POST /v2/api_keys`. Never retried: after a timeout or a 5xx the key may exist. Then we re-list and
     * report keys that appeared (not in `knownIds`), whose secret is lost, so the person can delete them.
     * Once `data.api_key` is in hand nothing throws it away: a record without an id takes the secret's.
     * A 422 that blames `/tags` or `/expires_at` ends in `tags-refused` / `expiry-refused`: nothing was created.
     */
    async createKey(
      input: { tags: string[]; expiresAt: string | null },
      relist: () => Promise<KeyRecord[]>,
      knownIds: ReadonlySet<string>,
    ): Promise<CreatedKey> {
      let body: unknown;
      try {
        body = (
          await http.request({
            method: 'POST',
            path: UNVERIFIED.createPath,
            body: UNVERIFIED.createBody(input.tags, input.expiresAt),
            retry: 'never',
          })
        ).body;
      } catch (error) {
        if (error instanceof AppError && (error.code === 'unavailable' || error.code === 'bad-response')) {
          throw await outcomeUnknown(error, relist, knownIds);
        }
        throw fieldRefusal(error) ?? error;
      }
      const created = CreatedEnvelope.safeParse(body);
      if (!created.success) {
        throw await outcomeUnknown(badResponseError('create answer without the key'), relist, knownIds);
      }
      const data = created.data.data;
      const secret = data[UNVERIFIED.createdSecretField];
      const secretId = idFromSecret(secret);
      const tally = new Degradations();
      const record = parseKeyRecord(data, now(), tally, secretId ?? localId(), spellings());
      report('create', tally, 1);
      // `fallbackId` is given, so a record always comes back; the check keeps the types honest.
      if (!record) throw new AppError('internal', 'Keytray could not file the new key.');
      if (secretId !== null && record.id !== secretId) {
        logger.warn('new key: the record id is not the start of its value', { id: record.id, secretId });
      }
      return { record, secret };
    },
  };

  async function deleteIdempotently(path: string) {
    try {
      await http.request({ method: 'DELETE', path, retry: 'safe', anyBodyOnSuccess: true });
    } catch (error) {
      // A retried DELETE whose first try went through answers 404: the key is gone either way.
      if (!(error instanceof AppError && error.code === 'not-found' && error.detail['retried'])) throw error;
    }
  }

  /**
   * The id of a key whose secret is not shaped like `KEY…_…` and whose record has no id: a local one, so the
   * secret can still be saved and copied. Logged, since it means the reference is wrong about key values.
   */
  function localId(): string {
    logger.warn('new key has no id and its value is not shaped like KEY…_…; filed under a local id');
    return `KEYLOCAL${randomBytes(12).toString('hex').toUpperCase()}`;
  }

  function fieldRefusal(error: unknown): AppError | null {
    if (!(error instanceof AppError) || error.detail['httpStatus'] !== 422) return null;
    const pointer = typeof error.detail['pointer'] === 'string' ? error.detail['pointer'] : '';
    const { tags, expiresAt } = UNVERIFIED.createFieldPointers;
    const blames = (field: string) => pointer === field || pointer.startsWith(`${field}/`);
    if (blames(tags)) {
      return new AppError(
        'tags-refused',
        'Telnyx did not accept tags on a new key, so no key was created. You can create it without tags and add them in the Telnyx portal.',
        error.detail,
      );
    }
    if (blames(expiresAt)) {
      return new AppError(
        'expiry-refused',
        'Telnyx did not accept an expiry date on a new key, so no key was created. You can create it without one; Keytray can then disable it on that date while it runs.',
        error.detail,
      );
    }
    return null;
  }

  async function outcomeUnknown(
    cause: AppError,
    relist: () => Promise<KeyRecord[]>,
    knownIds: ReadonlySet<string>,
  ) {
    let appeared: string[];
    try {
      appeared = (await relist()).filter((key) => !knownIds.has(key.id)).map((key) => key.id);
    } catch {
      return new AppError(
        'unavailable',
        `${cause.message} Telnyx may have created the key anyway; sync before trying again, so you don't end up with two.`,
        { ...cause.detail, outcome: 'unknown' },
      );
    }
    if (appeared.length === 0) {
      return new AppError(
        'unavailable',
        `${cause.message} No new key was created; it is safe to try again.`,
        {
          ...cause.detail,
          outcome: 'not-created',
        },
      );
    }
    return new AppError(
      'unavailable',
      `${cause.message} Telnyx created ${appeared.join(', ')} but its secret never reached Keytray, so it cannot be used. Delete it and create another.`,
      { ...cause.detail, outcome: 'created-without-secret', appeared },
    );
  }
}

export type TelnyxClient = ReturnType<typeof createTelnyxClient>;
