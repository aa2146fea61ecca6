import { GUESSED_ERRORS } from './guessed-shapes.js';
import type { SimUser } from './state.js';

/**
 * Telnyx's documented JSON shapes, written out literally: this is what the client must read. The guessed
 * ones live in `guessed-shapes.ts`.
 */

/** [doc] codes and titles (developers.telnyx.com, "API error codes"); two entries without a code are guesses. */
export const TELNYX_ERRORS = {
  badRequest: { status: 400, code: '10015', title: 'Bad Request' },
  unauthorized: { status: 401, code: '10009', title: 'Authentication failed' },
  forbidden: { status: 403, code: '10010', title: 'Authorization failed' },
  notFound: { status: 404, code: '10005', title: 'Resource not found' },
  missingParameter: { status: 422, code: '10004', title: 'Missing required parameter' },
  invalidId: { status: 422, code: '10006', title: 'Invalid ID' },
  tooManyRequests: { status: 429, code: '10011', title: 'Too many requests' },
  unexpected: { status: 500, code: '10007', title: 'Unexpected error' },
  ...GUESSED_ERRORS,
} as const;

export type TelnyxErrorName = keyof typeof TELNYX_ERRORS;

export function errorBody(name: TelnyxErrorName, detail: string, pointer?: string) {
  const { code, title } = TELNYX_ERRORS[name];
  return {
    errors: [
      {
        ...(code === null ? {} : { code }),
        title,
        detail,
        ...(pointer ? { source: { pointer } } : {}),
        ...(code === null
          ? {}
          : { meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` } }),
      },
    ],
  };
}

/** [doc] `GET /v2/balance`: money as strings. */
export const BALANCE = {
  data: {
    balance: '42.50',
    pending: '0.00',
    credit_limit: '0.00',
    available_credit: '42.50',
    currency: 'USD',
    record_type: 'balance',
  },
} as const;

/** [doc] One user of `GET /v2/organizations/users` (the fields are documented; `user_status`'s values are a guess). */
export function organizationUserJson(id: string, user: SimUser) {
  return {
    id,
    email: user.email,
    record_type: user.owner ? 'organization_owner' : 'organization_sub_user',
    user_status: user.blocked ? 'blocked' : 'enabled',
    last_sign_in_at: null,
  };
}

export function pageMeta(pageNumber: number, pageSize: number, totalResults: number) {
  return {
    page_number: pageNumber,
    page_size: pageSize,
    total_pages: Math.max(1, Math.ceil(totalResults / pageSize)),
    total_results: totalResults,
  };
}
