import type { KeyRecord } from '../telnyx/unverified.js';

/**
 * The identity Keytray files an account's things under. Telnyx has no "who am I" route; where the key list
 * shows the connected key's user (the IAM list an owner reads), that user is the account, so an owner who
 * reconnects with another of their keys finds everything again. Otherwise the connected key is.
 */
export function accountScope(connectedKeyId: string, listed: KeyRecord[] | null): string {
  const own = listed?.find((k) => k.id === connectedKeyId);
  const userId = own?.userId;
  if (userId && /^[\w.@-]{1,100}$/.test(userId)) return `u:${userId}`;
  return `k:${connectedKeyId}`;
}

export const DEMO_SCOPE = 'demo';
