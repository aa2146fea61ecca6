import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Fetch, Logger } from '../ports.js';
import { badResponseError } from './errors.js';
import { createHttp, type HttpOptions } from './http.js';
import { fetchAllPages } from './pagination.js';
import { parseKeyRecord, UNVERIFIED, type KeyRecord } from './unverified.js';

export { resolveBaseUrl, TELNYX_BASE_URL } from './base-url.js';

export type ClientOptions = {
  fetch: Fetch;
  baseUrl: string;
  apiKey: string;
  logger: Logger;
  now: () => Date;
} & Pick<HttpOptions, 'timeoutMs' | 'sleep' | 'random'>;

export type Balance = { balance: string; currency: string } | null;

export type CreatedKey = { record: KeyRecord; secret: string };

const DataEnvelope = z.looseObject({ data: z.unknown() });
const CreatedEnvelope = z.looseObject({
  data: z.looseObject({ [UNVERIFIED.createdSecretField]: z.string() }),
});
const BalanceData = z.looseObject({ balance: z.string(), currency: z.string() });

/**
 * The Telnyx API as Keytray uses it. Documented routes are called by name here; undocumented ones come from
 * `unverified.ts`. Every method throws `AppError` with a plain message.
 */
export function createTelnyxClient(options: ClientOptions) {
  const http = createHttp(options);
  const { now } = options;

  const record = (body: unknown): KeyRecord => {
    const data = DataEnvelope.safeParse(body);
    const parsed = data.success ? parseKeyRecord(data.data.data, now()) : null;
    if (!parsed) throw badResponseError('key record without an id');
    return parsed;
  };
  /** All pages of a key list, parsed; a key created while we walk the pages shifts the rest by one: keep each id once. */
  const allKeys = async (path: string, expectedItems?: number): Promise<KeyRecord[]> => {
    const at = now();
    const parsed = await fetchAllPages(
      http,
      path,
      (item) => parseKeyRecord(item, at),
      expectedItems ? { expectedItems } : {},
    );
    const seen = new Set<string>();
    return parsed.filter((key) => !seen.has(key.id) && seen.add(key.id));
  };

  return {
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

    /** Organization owner? `GET /v2/iam/api_keys?page[size]=1` answers 200 to the owner, 403 to others. */
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
        throw error;
      }
    },

    /** `expectedItems`: how many keys the last sync found, to fetch the first pages together. */
    async listOrganizationKeys(expectedItems?: number): Promise<KeyRecord[]> {
      return allKeys('/iam/api_keys', expectedItems);
    },

    async listOwnKeys(expectedItems?: number): Promise<KeyRecord[]> {
      return allKeys(UNVERIFIED.ownListPath, expectedItems);
    },

    async setEnabled(id: string, enabled: boolean): Promise<KeyRecord> {
      const action = enabled ? 'activate' : 'deactivate';
      const path = `/iam/api_keys/${encodeURIComponent(id)}/actions/${action}`;
      return record((await http.request({ method: 'POST', path, retry: 'safe' })).body);
    },

    async deleteAsOwner(id: string): Promise<void> {
      await deleteIdempotently(`/iam/api_keys/${encodeURIComponent(id)}`);
    },

    async deleteOwn(id: string): Promise<void> {
      await deleteIdempotently(UNVERIFIED.ownDeletePath(id));
    },

    async updateTags(id: string, tags: string[]): Promise<KeyRecord> {
      const body = UNVERIFIED.updateBody(tags);
      return record(
        (await http.request({ method: 'PATCH', path: UNVERIFIED.updatePath(id), body, retry: 'safe' })).body,
      );
    },

    /**
     * `POST /v2/api_keys`. Never retried: after a timeout or a 5xx the key may exist. Then we re-list and
     * report keys that appeared (not in `knownIds`), whose secret is lost, so the person can delete them.
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
        throw error;
      }
      const created = CreatedEnvelope.safeParse(body);
      const secret = created.success ? created.data.data[UNVERIFIED.createdSecretField] : undefined;
      if (secret === undefined) {
        throw await outcomeUnknown(badResponseError('create answer without the key'), relist, knownIds);
      }
      return { record: record(body), secret };
    },
  };

  async function deleteIdempotently(path: string) {
    try {
      await http.request({ method: 'DELETE', path, retry: 'safe' });
    } catch (error) {
      // A retried DELETE whose first try went through answers 404: the key is gone either way.
      if (!(error instanceof AppError && error.code === 'not-found' && error.detail['retried'])) throw error;
    }
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
