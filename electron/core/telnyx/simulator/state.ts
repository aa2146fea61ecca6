import { newKey, seededRandom } from './random.js';

export type SimUser = { id: string; email: string; owner: boolean; blocked: boolean };

export type SimKey = {
  id: string;
  value: string;
  userId: string;
  status: 'active' | 'inactive';
  tags: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** [guess] Telnyx leaves this key's last use out of its record (unknown, which is not "never used"). */
  lastUseUnreported?: boolean;
  /** [doc] Its scope statements (`GET /v2/iam/api_keys/{id}/scopes`); none = everything its user can do. */
  scopes?: SimScope[];
};

/** [doc] One scope statement: `allow` or `deny` these actions. */
export type SimScope = { effect: 'allow' | 'deny'; actions: string[] };

export type SimState = {
  /** The organization's seed: its users' ids are told apart from another simulated organization's by it. */
  seed: number;
  users: SimUser[];
  /** Newest first, as Telnyx lists them. */
  keys: SimKey[];
  /** Full values of keys handed out by POST /v2/api_keys, for tests that check what reached the clipboard. */
  issued: { id: string; value: string }[];
  random: () => number;
  /** [doc] `GET /v2/iam/settings`: whether IAM is on, so that scope statements are enforced. */
  iamEnabled: boolean;
  ownerKey: string;
  memberKey: string;
};

const DAY = 86_400_000;
const TAG_POOL = [
  'prod',
  'staging',
  'ci',
  'sms',
  'voice',
  'billing',
  'webhooks',
  'backup',
  'eu',
  'us',
  'zapier',
];

/** Some seeded keys carry scope statements, by their tags (no random draw: the seeded keys stay the same). */
function scopesFor(tags: readonly string[]): { scopes?: SimScope[] } {
  if (tags.includes('sms'))
    return { scopes: [{ effect: 'allow', actions: ['messaging.send', 'messaging.read'] }] };
  if (tags.includes('billing'))
    return {
      scopes: [
        { effect: 'allow', actions: ['billing.read', 'balance.read'] },
        { effect: 'deny', actions: ['billing.payment_methods.write'] },
      ],
    };
  return {};
}

/**
 * A seeded organization: an owner, three members and a blocked user (whose two keys Telnyx leaves out of
 * lists); `keyCount` listed keys spread across the others
 * with tags, expiries past and future (some inside a week) and some disabled. The owner's own key (never
 * expires) and a member's key are what tests and the demo connect with.
 */
export function seedState(options: { keyCount: number; seed: number; now: Date }): SimState {
  const random = seededRandom(options.seed);
  const now = options.now.getTime();
  const users: SimUser[] = [
    { id: 'user-owner', email: 'owner@example.com', owner: true, blocked: false },
    { id: 'user-dev', email: 'dev@example.com', owner: false, blocked: false },
    { id: 'user-ops', email: 'ops@example.com', owner: false, blocked: false },
    { id: 'user-bot', email: 'sms-bot@example.com', owner: false, blocked: false },
    { id: 'user-gone', email: 'former@example.com', owner: false, blocked: true },
  ];
  const iso = (ms: number) => new Date(ms).toISOString();
  const make = (userId: string, createdAgoMs: number, fields: Partial<SimKey> = {}): SimKey => {
    const { id, value } = newKey(random);
    const createdAt = iso(now - createdAgoMs);
    return {
      id,
      value,
      userId,
      status: 'active',
      tags: [],
      expiresAt: null,
      lastUsedAt: null,
      createdAt,
      updatedAt: createdAt,
      ...fields,
    };
  };

  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const userFor = (): SimUser => (random() < 0.3 ? (users[0] as SimUser) : choose(users.slice(1, 4)));

  const keys: SimKey[] = [];
  // `keyCount` is what the owner sees listed: the two connectable keys included, the blocked user's not.
  for (let i = 0; i < Math.max(0, options.keyCount - 2); i++) {
    const user = userFor();
    const roll = random();
    const expiresAt =
      roll < 0.3
        ? null
        : roll < 0.4
          ? iso(now - (1 + Math.floor(random() * 60)) * DAY)
          : roll < 0.55
            ? iso(now + (1 + random() * 9) * DAY)
            : iso(now + (10 + Math.floor(random() * 390)) * DAY);
    const tagCount = Math.floor(random() * 4);
    const tags = [...new Set(Array.from({ length: tagCount }, () => choose(TAG_POOL)))];
    // Drawn in the order they always were (the seeded keys stay the same keys); a used key was last used some
    // time since it was created, up to 200 days ago, so some are unused for months.
    const createdAgo = Math.floor(random() * 365 * DAY) + DAY;
    keys.push(
      make(user.id, createdAgo, {
        tags,
        expiresAt,
        status: random() < 0.1 ? 'inactive' : 'active',
        lastUsedAt: random() < 0.6 ? iso(now - Math.floor(random() * Math.min(createdAgo, 200 * DAY))) : null,
        ...scopesFor(tags),
      }),
    );
  }
  const ownerKey = make('user-owner', 2 * DAY, { tags: ['keytray'] });
  const memberKey = make('user-dev', 3 * DAY, { tags: ['keytray'] });
  keys.push(
    ownerKey,
    memberKey,
    make('user-gone', 90 * DAY),
    make('user-gone', 80 * DAY, { tags: ['legacy'] }),
  );
  keys.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    seed: options.seed,
    users,
    keys,
    issued: [],
    random,
    iamEnabled: true,
    ownerKey: ownerKey.value,
    memberKey: memberKey.value,
  };
}
