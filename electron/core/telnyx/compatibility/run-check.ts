import type { CheckedRoute } from '../../../common/models.js';
import { AppError } from '../../errors.js';
import type { TelnyxClient } from '../client.js';
import { UNVERIFIED, type LearnedSpellings } from '../unverified.js';
import { createNameScreen, describeFields, isJsonObject } from './field-shapes.js';
import { learnSpellings } from './learn-spellings.js';

/**
 * The requests of "Check Telnyx compatibility": reads only, three documented, and the guessed own-keys list
 * from `unverified.ts`. `keyList`: its first record is a key record, whose spellings Keytray learns. What the
 * popup says it sends (`common/compatibility-check.ts`) must list exactly these (a test holds them together).
 */
export const CHECKED_ROUTES = [
  { path: '/balance', query: {}, documented: true, keyList: false },
  { path: '/iam/api_keys', query: { 'page[size]': 1 }, documented: true, keyList: true },
  { path: '/organizations/users', query: { 'page[size]': 1 }, documented: true, keyList: false },
  { path: UNVERIFIED.ownListPath, query: { 'page[size]': 1 }, documented: false, keyList: true },
] as const;

type Route = (typeof CHECKED_ROUTES)[number];

/** As Telnyx's documentation writes it: `/v2/iam/api_keys?page[size]=1` (the query is not URL-encoded). */
export const displayPath = (route: Route) => {
  const query = Object.entries(route.query)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `/v2${route.path}${query ? `?${query}` : ''}`;
};

export type CheckOutcome = {
  routes: CheckedRoute[];
  /** The spellings found in the first key record, and the request it came from; null when none answered with one. */
  learned: { spellings: LearnedSpellings; from: string } | null;
};

function statusWords(status: number): string {
  if (status >= 200 && status < 300) return 'answered';
  if (status === 401) return 'the key was refused';
  if (status === 403) return 'not allowed for this key';
  if (status === 404) return 'not there for this key';
  if (status === 405 || status === 501) return 'not offered';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'too many requests';
  if (status >= 500) return 'Telnyx had trouble';
  return 'the request was refused';
}

type Answer = Pick<CheckedRoute, 'status' | 'answer'> & { body?: unknown };

/** A failed read as the report words it: the status when Telnyx answered, else why there was no answer. */
function failed(error: unknown): Answer {
  if (!(error instanceof AppError)) return { status: null, answer: 'no answer: Keytray could not send it' };
  const httpStatus = error.detail['httpStatus'];
  if (typeof httpStatus === 'number') return { status: httpStatus, answer: statusWords(httpStatus) };
  if (error.code === 'bad-response') {
    const why = String(error.detail['why'] ?? '');
    const status = /^status (\d{3})\b/.exec(why)?.[1];
    return { status: status ? Number(status) : null, answer: 'answered with something that is not JSON' };
  }
  if (error.detail['timeoutMs'] !== undefined) return { status: null, answer: 'no answer: timed out' };
  return { status: null, answer: 'no answer: could not reach Telnyx' };
}

/** Field names and types of one answer; `record` is the record whose spellings may be learned. */
function shapesOf(body: unknown): Omit<
  CheckedRoute,
  'method' | 'path' | 'documented' | 'status' | 'answer'
> & {
  record: unknown;
} {
  const none = { envelope: [], recordAt: null, fields: [], meta: [], record: undefined };
  if (!isJsonObject(body)) return none;
  const isSafeName = createNameScreen(body);
  const envelope = describeFields(body, isSafeName, { nested: false });
  const meta = isJsonObject(body['meta']) ? describeFields(body['meta'], isSafeName, { nested: false }) : [];
  const data = body['data'];
  if (Array.isArray(data) && isJsonObject(data[0])) {
    const fields = describeFields(data[0], isSafeName, { nested: true });
    return { envelope, recordAt: 'data[0]', fields, meta, record: data[0] };
  }
  if (isJsonObject(data)) {
    const fields = describeFields(data, isSafeName, { nested: true });
    return { envelope, recordAt: 'data', fields, meta, record: undefined };
  }
  return { ...none, envelope, meta };
}

/**
 * Sends the check's reads (together: four GETs) with the given client and describes each answer. Nothing is
 * acted on and no value leaves this function: only statuses, field names and types, and learned spellings.
 */
export async function runCompatibilityCheck(client: Pick<TelnyxClient, 'readRaw'>): Promise<CheckOutcome> {
  const answers = await Promise.all(
    CHECKED_ROUTES.map(async (route): Promise<Answer> => {
      try {
        const { status, body } = await client.readRaw(route.path, route.query);
        return { status, answer: statusWords(status), body };
      } catch (error) {
        return failed(error);
      }
    }),
  );
  let learned: CheckOutcome['learned'] = null;
  const routes = CHECKED_ROUTES.map((route, index): CheckedRoute => {
    const { status, answer, body } = answers[index] ?? { status: null, answer: 'no answer' };
    const { record, ...shapes } = shapesOf(body);
    if (route.keyList && learned === null && record !== undefined) {
      learned = { spellings: learnSpellings(record), from: `GET ${displayPath(route)}` };
    }
    return {
      method: 'GET',
      path: displayPath(route),
      documented: route.documented,
      status,
      answer,
      ...shapes,
    };
  });
  return { routes, learned };
}
