import type { SimKey, SimState } from './state.js';

/** Telnyx's JSON shapes, written out literally: this is what the client must read. */

export const TELNYX_ERRORS = {
  badRequest: { status: 400, code: '10015', title: 'Bad Request' },
  unauthorized: { status: 401, code: '10009', title: 'Authentication failed' },
  forbidden: { status: 403, code: '10010', title: 'Authorization failed' },
  notFound: { status: 404, code: '10005', title: 'Resource not found' },
  missingParameter: { status: 422, code: '10004', title: 'Missing required parameter' },
  invalidId: { status: 422, code: '10006', title: 'Invalid ID' },
  unprocessable: { status: 422, code: '10027', title: 'Unprocessable entity' },
  tooManyRequests: { status: 429, code: '10011', title: 'Too many requests' },
  unexpected: { status: 500, code: '10007', title: 'Unexpected error' },
  unavailable: { status: 503, code: '10007', title: 'Service unavailable' },
} as const;

export type TelnyxErrorName = keyof typeof TELNYX_ERRORS;

export function errorBody(name: TelnyxErrorName, detail: string, pointer?: string) {
  const { code, title } = TELNYX_ERRORS[name];
  return {
    errors: [
      {
        code,
        title,
        detail,
        ...(pointer ? { source: { pointer } } : {}),
        meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` },
      },
    ],
  };
}

export function keyJson(state: SimState, key: SimKey) {
  const user = state.users.find((u) => u.id === key.userId);
  return {
    id: key.id,
    record_type: 'api_key',
    // Telnyx's user ids are unique across organizations (UUIDs); the seed keeps two simulated ones apart.
    user_id: `${key.userId}-${state.seed}`,
    user_email: user?.email ?? null,
    status: key.status,
    tags: key.tags,
    expires_at: key.expiresAt,
    last_used_at: key.lastUsedAt,
    created_at: key.createdAt,
    updated_at: key.updatedAt,
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
