import { describe, expect, it } from 'vitest';
import {
  Degradations,
  idFromSecret,
  parseKeyRecord,
  UNVERIFIED,
} from '../../../../electron/core/telnyx/unverified.js';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const ID = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
/** The record shared/reference/telnyx-api.md proposes. */
const PROPOSED = {
  id: ID,
  record_type: 'api_key',
  user_id: '7d1c2b9e-0000-4000-8000-000000000001',
  user_email: 'owner@example.com',
  status: 'active',
  tags: ['ci', 'prod'],
  expires_at: null,
  last_used_at: '2026-02-01T12:00:00Z',
  created_at: '2026-01-05T09:00:00Z',
  updated_at: '2026-01-05T09:00:00Z',
};

describe('reading a key record Telnyx has not documented', () => {
  it('reads the proposed record in full, nothing degraded', () => {
    const tally = new Degradations();
    expect(parseKeyRecord(PROPOSED, NOW, tally)).toEqual({
      id: ID,
      userId: '7d1c2b9e-0000-4000-8000-000000000001',
      userEmail: 'owner@example.com',
      status: 'active',
      statusWord: null,
      tags: ['ci', 'prod'],
      expiresAt: null,
      lastUsedAt: '2026-02-01T12:00:00.000Z',
      createdAt: '2026-01-05T09:00:00.000Z',
      unreadable: [],
    });
    expect(tally.any).toBe(false);
  });

  it('accepts the other plausible spellings: user.email, email, user.id, expiration, last_used', () => {
    const nested = parseKeyRecord(
      {
        id: ID,
        user: { id: 'u-1', email: 'dev@example.com' },
        status: 'active',
        tags: [],
        expiration: '2026-04-01T00:00:00Z',
        last_used: '2026-03-01T00:00:00Z',
      },
      NOW,
    );
    expect(nested).toMatchObject({
      userId: 'u-1',
      userEmail: 'dev@example.com',
      expiresAt: '2026-04-01T00:00:00.000Z',
      lastUsedAt: '2026-03-01T00:00:00.000Z',
      unreadable: [],
    });
    expect(
      parseKeyRecord({ ...PROPOSED, user_email: undefined, email: 'ops@example.com' }, NOW)?.userEmail,
    ).toBe('ops@example.com');
    // A user id alone: the e-mail stays unknown here (the client looks it up once per sync).
    expect(parseKeyRecord({ ...PROPOSED, user_email: undefined }, NOW)).toMatchObject({
      userId: PROPOSED.user_id,
      userEmail: null,
    });
  });

  it('tags: null is no tags; absent or of another type is unknown, never "no tags"', () => {
    expect(parseKeyRecord({ ...PROPOSED, tags: null }, NOW)).toMatchObject({ tags: [], unreadable: [] });
    const { tags: _tags, ...withoutTags } = PROPOSED;
    expect(parseKeyRecord(withoutTags, NOW)).toMatchObject({ tags: [], unreadable: ['tags'] });
    expect(parseKeyRecord({ ...PROPOSED, tags: 'ci,prod' }, NOW)).toMatchObject({ unreadable: ['tags'] });
    expect(parseKeyRecord({ ...PROPOSED, tags: ['ci', 7, 'prod'] }, NOW)?.tags).toEqual(['ci', 'prod']);
  });

  it('expiry: null is "never"; absent or unreadable is unknown, never "never expires"', () => {
    const { expires_at: _expires, ...withoutExpiry } = PROPOSED;
    expect(parseKeyRecord(withoutExpiry, NOW)).toMatchObject({ expiresAt: null, unreadable: ['expiresAt'] });
    expect(parseKeyRecord({ ...PROPOSED, expires_at: 'soon' }, NOW)?.unreadable).toEqual(['expiresAt']);
    expect(parseKeyRecord({ ...PROPOSED, expires_at: 1_800_000_000 }, NOW)?.unreadable).toEqual([
      'expiresAt',
    ]);
  });

  it('last use: null is "never used"; absent or unreadable is unknown, never "never used"', () => {
    expect(parseKeyRecord({ ...PROPOSED, last_used_at: null }, NOW)).toMatchObject({
      lastUsedAt: null,
      unreadable: [],
    });
    const { last_used_at: _used, ...withoutLastUse } = PROPOSED;
    expect(parseKeyRecord(withoutLastUse, NOW)).toMatchObject({
      lastUsedAt: null,
      unreadable: ['lastUsedAt'],
    });
    expect(parseKeyRecord({ ...PROPOSED, last_used_at: 'recently' }, NOW)?.unreadable).toEqual([
      'lastUsedAt',
    ]);
    expect(parseKeyRecord({ ...PROPOSED, last_used_at: 1_700_000_000 }, NOW)?.unreadable).toEqual([
      'lastUsedAt',
    ]);
    // The other spelling Telnyx may use reads the same.
    const { last_used_at: at, ...other } = PROPOSED;
    expect(parseKeyRecord({ ...other, last_used: at }, NOW)).toMatchObject({ unreadable: [] });
    expect(parseKeyRecord({ ...other, last_used: null }, NOW)).toMatchObject({
      lastUsedAt: null,
      unreadable: [],
    });
  });

  it('a status word Keytray does not know is "unknown" with the word kept, never "active"', () => {
    expect(parseKeyRecord({ ...PROPOSED, status: 'suspended' }, NOW)).toMatchObject({
      status: 'unknown',
      statusWord: 'suspended',
    });
    expect(parseKeyRecord({ ...PROPOSED, status: undefined }, NOW)).toMatchObject({
      status: 'unknown',
      statusWord: null,
    });
    expect(parseKeyRecord({ ...PROPOSED, status: 3 }, NOW)?.status).toBe('unknown');
    expect(parseKeyRecord({ ...PROPOSED, status: 'disabled' }, NOW)?.status).toBe('inactive');
    expect(parseKeyRecord({ ...PROPOSED, status: 'x'.repeat(500) }, NOW)?.statusWord).toHaveLength(40);
    // An expired key may show "expired" or only a past expiry: both read as expired.
    expect(parseKeyRecord({ ...PROPOSED, status: 'expired' }, NOW)?.status).toBe('expired');
    expect(parseKeyRecord({ ...PROPOSED, expires_at: '2026-03-01T00:00:00Z' }, NOW)?.status).toBe('expired');
  });

  it('never drops a key with a usable string id, however wrong every other field is', () => {
    const record = parseKeyRecord(
      {
        id: ID,
        user_id: 4,
        user_email: [],
        status: {},
        tags: 1,
        expires_at: true,
        last_used_at: 'x',
        created_at: 0,
      },
      NOW,
    );
    expect(record).toEqual({
      id: ID,
      userId: null,
      userEmail: null,
      status: 'unknown',
      statusWord: null,
      tags: [],
      expiresAt: null,
      lastUsedAt: null,
      createdAt: null,
      unreadable: ['tags', 'expiresAt', 'lastUsedAt'],
    });
    // A UUID id is usable too (IAM may name its records that way).
    expect(parseKeyRecord({ id: '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f' }, NOW)?.id).toBe(
      '0b7c4a52-2a9e-4a3c-9d5e-6f1b2c3d4e5f',
    );
  });

  it('counts what it degraded by field name and JSON type, never a value', () => {
    const tally = new Degradations();
    const records = [
      { ...PROPOSED, status: 'suspended-for-owner@example.com' },
      { ...PROPOSED, status: 'suspended' },
      { ...PROPOSED, tags: null, expires_at: 12 },
      { id: 42 },
      { id: 'not an id' },
    ];
    const parsed = records.map((r) => parseKeyRecord(r, NOW, tally));
    expect(parsed.filter(Boolean)).toHaveLength(3);
    expect(tally.summary()).toEqual({
      fields: {
        'status (unknown word)': 2,
        'expires_at (number)': 1,
        'id (number)': 1,
        'id (string of another shape)': 1,
      },
      dropped: 2,
    });
    expect(JSON.stringify(tally.summary())).not.toMatch(/example\.com|suspended|not an id|42/);
  });

  it('a create answer without an id takes the id from the secret', () => {
    const secret = `${ID}_abcdefghij_klmnopqrstu`;
    expect(idFromSecret(secret)).toBe(ID);
    expect(idFromSecret('no-underscore')).toBeNull();
    expect(parseKeyRecord({ api_key: secret }, NOW, undefined, ID)).toMatchObject({
      id: ID,
      unreadable: ['tags', 'expiresAt', 'lastUsedAt'],
    });
  });

  it('a create sends only the fields that carry something ({} as documented when none)', () => {
    expect(UNVERIFIED.createBody([], null)).toEqual({});
    expect(UNVERIFIED.createBody(['ci'], '2026-04-01T00:00:00.000Z')).toEqual({
      tags: ['ci'],
      expires_at: '2026-04-01T00:00:00.000Z',
    });
  });
});
