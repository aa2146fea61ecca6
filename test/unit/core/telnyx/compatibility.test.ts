import { describe, expect, it, vi } from 'vitest';
import {
  COMPATIBILITY_CHECK_DISCLOSURE,
  COMPATIBILITY_CHECK_REQUESTS,
  COMPATIBILITY_REPORT_TITLE,
} from '../../../../electron/common/compatibility-check.js';
import type { CompatibilityReport } from '../../../../electron/common/models.js';
import {
  SIMULATOR_PROFILES,
  type Simulator,
  type SimulatorOptions,
} from '../../../../electron/core/telnyx/simulator/index.js';
import { compileSpellings, parseKeyRecord } from '../../../../electron/core/telnyx/unverified.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';

/** The JSON types a report may name: nothing else may stand where a type goes. */
const BASE = '(?:string|number|boolean|null|object|array)';
const TYPE = new RegExp(`^(?:${BASE}|array \\(empty\\)|array<${BASE}(?:\\|${BASE})*>)$`);

/** Rewrites one kind of Telnyx answer, as another plausible Telnyx would send it. */
type Rewrite = (url: URL, body: string) => string;

/** A whole core over the simulator; every request is recorded, answers optionally rewritten. */
function harness(
  simulator: SimulatorOptions,
  rewrite?: Rewrite,
  state?: ReturnType<typeof createCoreHarness>['state'],
) {
  const requests: string[] = [];
  const h: ReturnType<typeof createCoreHarness> = createCoreHarness({
    simulator: { keyCount: 30, ...simulator },
    ...(state ? { state } : {}),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      requests.push(`${request.method} ${decodeURIComponent(url.pathname + url.search)}`);
      const answer = await h.simulator.fetch(input, init);
      if (!rewrite || answer.status === 204) return answer;
      return new Response(rewrite(url, await answer.text()), {
        status: answer.status,
        headers: answer.headers,
      });
    },
  });
  return { ...h, requests };
}

/** Every value the simulated organization holds that a report must never show. */
function valuesOf(simulator: Simulator): string[] {
  const { keys, users, seed } = simulator.state;
  const values = [
    ...keys.flatMap((k) => [
      k.id,
      k.value,
      k.value.slice(k.value.indexOf('_') + 1),
      k.createdAt,
      k.updatedAt,
    ]),
    ...keys.flatMap((k) => [k.expiresAt, k.lastUsedAt]),
    ...users.flatMap((u) => [u.email, `${u.id}-${seed}`]),
    '42.50',
    '0.00',
    'USD',
  ];
  return values.filter((v): v is string => typeof v === 'string');
}

/** Tags and status words are short: look for them as whole words, case and all. */
const WORDS = (text: string) => new Set(text.split(/[^A-Za-z0-9_-]+/));

/** Gives every key a tag no report could contain by chance, so a leaked tag is found. */
function markTags(simulator: Simulator) {
  for (const key of simulator.state.keys) key.tags = [...key.tags, `tag-${key.id.slice(-6).toLowerCase()}`];
}

async function connectedOwner(simulator: SimulatorOptions, rewrite?: Rewrite) {
  const h = harness(simulator, rewrite);
  markTags(h.simulator);
  value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
  return h;
}

const check = async (h: ReturnType<typeof harness>): Promise<CompatibilityReport> =>
  value(await h.core.handlers['telnyx.checkCompatibility'](undefined));

const fieldsOf = (report: CompatibilityReport, path: string) =>
  Object.fromEntries((report.routes.find((r) => r.path === path)?.fields ?? []).map((f) => [f.name, f.type]));

const IAM = '/v2/iam/api_keys?page[size]=1';
const OWN = '/v2/api_keys?page[size]=1';

describe.each(SIMULATOR_PROFILES)('Check Telnyx compatibility (%s profile)', (profile) => {
  it('sends exactly the reads it says it sends, and reports each with its status', async () => {
    const h = await connectedOwner({ profile });
    const before = h.requests.length;
    const report = await check(h);
    const sent = h.requests.slice(before);
    const said = COMPATIBILITY_CHECK_REQUESTS.map((r) => r.request);
    expect([...sent].sort()).toEqual([...said].sort());
    for (const request of said) expect(COMPATIBILITY_CHECK_DISCLOSURE).toContain(request);
    expect(report.routes.map((r) => `${r.method} ${r.path}`)).toEqual(said);
    expect(report.routes.map((r) => r.documented)).toEqual([true, true, true, false]);
    expect(report.routes.map((r) => r.status)).toEqual(
      profile === 'default' ? [200, 200, 200, 200] : [422, 200, 200, 200],
    );
    expect(report.text.split('\n')[0]).toBe(COMPATIBILITY_REPORT_TITLE);
    expect(report.text).toContain(`GET ${OWN}  (guessed: not documented by Telnyx)`);
  });

  it('lists the record fields with their JSON types, and meta, never a value', async () => {
    const h = await connectedOwner({ profile });
    const report = await check(h);
    const iam = fieldsOf(report, IAM);
    if (profile === 'default') {
      expect(iam).toMatchObject({
        id: 'string',
        user_email: 'string',
        expires_at: 'null',
        tags: 'array<string>',
      });
    } else {
      expect(iam).toMatchObject({ id: 'string', user_id: 'string', expiration: 'null', last_used: 'string' });
      expect(iam).not.toHaveProperty('user_email');
    }
    expect(report.text).toContain('    user_id: string');
    const users = report.routes.find((r) => r.path === '/v2/organizations/users?page[size]=1');
    expect(users?.meta.map((f) => `${f.name}: ${f.type}`)).toContain('total_pages: number');
    for (const route of report.routes) {
      for (const field of [...route.envelope, ...route.fields, ...route.meta]) {
        expect(field.type, field.name).toMatch(TYPE);
        expect(field.name, field.name).toMatch(/^[a-z_]+(?:\.[a-z_]+)?$/);
      }
    }

    const everything = `${report.text}\n${JSON.stringify(report)}`;
    const values = valuesOf(h.simulator);
    expect(values.length).toBeGreaterThan(100);
    for (const leaked of values) expect(everything, 'a value reached the report').not.toContain(leaked);
    const words = WORDS(everything);
    const tagsAndStatuses = [
      ...h.simulator.state.keys.flatMap((k) => k.tags),
      'active',
      'inactive',
      'enabled',
      'organization_owner',
      ...h.simulator.state.users.map((u) => u.email.split('@')[0] ?? ''),
    ];
    for (const word of tagsAndStatuses) expect(words.has(word), `the word ${word}`).toBe(false);
  });
});

describe('what the check finds out', () => {
  it('a guessed route answering 404 is reported as not there; no answer is reported as such', async () => {
    const h = await connectedOwner({ guessedRoutes: false });
    h.simulator.faults.add({ kind: 'drop', path: '/organizations/users', count: 5 });
    const report = await check(h);
    expect(report.routes.find((r) => r.path === OWN)).toMatchObject({
      status: 404,
      answer: 'not there for this key',
      fields: [],
    });
    expect(report.text).toContain(
      `GET ${OWN}  (guessed: not documented by Telnyx)\n  404: not there for this key`,
    );
    expect(report.routes.find((r) => r.path.startsWith('/v2/organizations'))).toMatchObject({
      status: null,
      answer: 'no answer: could not reach Telnyx',
    });
    expect(report.text).toContain(
      'GET /v2/organizations/users?page[size]=1  (documented)\n  no answer: could not reach Telnyx\n',
    );
  });

  it('a key that is not the owner’s: the IAM routes answer 403 (default) or 404 (docs-minimal)', async () => {
    for (const profile of SIMULATOR_PROFILES) {
      const h = harness({ profile });
      value(await h.core.handlers['account.connect']({ apiKey: h.simulator.memberKey }));
      const report = await check(h);
      expect(report.routes.find((r) => r.path === IAM)?.status).toBe(profile === 'default' ? 403 : 404);
      // Its own list answered: the spellings come from there.
      expect(report.text).toContain(`Key record fields, as Telnyx spelled them (from GET ${OWN}):`);
    }
  });

  it('a name that looks like a value (an id, an e-mail, a tag used as a key) is withheld', async () => {
    let otherId = '';
    const h = await connectedOwner({}, (url, body) => {
      if (!url.pathname.endsWith('/iam/api_keys') || url.search !== '?page%5Bsize%5D=1') return body;
      const answer = JSON.parse(body) as { data: Record<string, unknown>[] };
      const first = answer.data[0] ?? {};
      const tag = (first['tags'] as string[])[0] ?? '';
      first['usage'] = { [String(first['id'])]: 3, 'dev@example.com': 1, [tag]: 2, calls: 4 };
      // A record keyed by an id that appears nowhere else in the answer: its shape gives it away.
      first[otherId] = { enabled: true };
      return JSON.stringify(answer);
    });
    otherId = h.simulator.state.keys.find((k) => k.value !== h.simulator.ownerKey)?.id ?? '';
    const report = await check(h);
    const iam = fieldsOf(report, IAM);
    expect(iam).toMatchObject({
      usage: 'object',
      'usage.calls': 'number',
      'usage.(3 names withheld: they look like values)': 'number',
      '(1 name withheld: they look like values)': 'object',
    });
    const owner = h.simulator.state.keys.find((k) => k.value === h.simulator.ownerKey);
    for (const leaked of [otherId, owner?.id ?? '-', 'dev@example.com', ...(owner?.tags ?? [])]) {
      expect(report.text).not.toContain(leaked);
      expect(JSON.stringify(report)).not.toContain(leaked);
    }
  });

  it('one level down, an object with many names is a map keyed by data: every name in it is withheld', async () => {
    const people = [
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
      'grace',
      'heidi',
      'ivan',
      'judy',
      'mallory',
      'oscar',
      'peggy',
    ];
    const h = await connectedOwner({}, (url, body) => {
      if (!url.pathname.endsWith('/iam/api_keys') || url.search !== '?page%5Bsize%5D=1') return body;
      const answer = JSON.parse(body) as { data: Record<string, unknown>[] };
      const first = answer.data[0] ?? {};
      first['permissions'] = Object.fromEntries(people.map((name) => [name, true]));
      return JSON.stringify(answer);
    });
    const report = await check(h);
    expect(fieldsOf(report, IAM)).toMatchObject({
      permissions: 'object',
      'permissions.(13 names withheld: they look like values)': 'boolean',
    });
    for (const name of people) expect(report.text).not.toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('not connected: says so, sends nothing', async () => {
    const h = harness({});
    const answer = await h.core.handlers['telnyx.checkCompatibility'](undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-connected' } });
    expect(h.requests).toEqual([]);
  });

  it('Copy report copies the report main made, unmarked as a secret; before a check there is nothing to copy', async () => {
    const h = harness({});
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const early = await h.core.handlers['telnyx.copyCompatibilityReport'](undefined);
    expect(early).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const report = value(await h.core.handlers['telnyx.checkCompatibility'](undefined));
    value(await h.core.handlers['telnyx.copyCompatibilityReport'](undefined));
    expect(h.desktop.clipboard).toBe(report.text);
    expect(h.desktop.clipboardMarkedSecret).toBe(false);
  });
});

/** docs-minimal, with expiry and last use under spellings no sync tries until a check has found them. */
const unusualSpellings: Rewrite = (_url, body) =>
  body.replaceAll('"expiration":', '"expires_on":').replaceAll('"last_used":', '"last_used_on":');

describe('Keytray reads keys with what the check learned', () => {
  it('docs-minimal: the spellings found are stored for the account, names only', async () => {
    const h = await connectedOwner({ profile: 'docs-minimal' });
    const report = await check(h);
    expect(report.learned).toContainEqual({ field: 'expiry', spelling: 'expiration' });
    expect(report.learned).toContainEqual({ field: 'user e-mail', spelling: null });
    expect(report.text).toContain('  expiry: expiration\n');
    const stored = h.state.read().accounts['u:user-owner-42']?.telnyxFields;
    expect(stored).toEqual({
      checkedAt: START.toISOString(),
      keyRecord: {
        userId: 'user_id',
        status: 'status',
        tags: 'tags',
        expiresAt: 'expiration',
        lastUsedAt: 'last_used',
        createdAt: 'created_at',
      },
    });
  });

  it('a spelling beyond the usual ones is read by the next sync, and after a restart', async () => {
    const h = await connectedOwner({ profile: 'docs-minimal' }, unusualSpellings);
    const truth = new Map(h.simulator.state.keys.map((k) => [k.id, k]));
    const before = value(await h.core.handlers['keys.list'](undefined));
    expect(before.keys.every((k) => k.unreadable.includes('expiresAt'))).toBe(true);

    const report = await check(h);
    expect(report.text).toContain('    expires_on: null');
    expect(report.learned).toContainEqual({ field: 'expiry', spelling: 'expires_on' });

    const after = value(await h.core.handlers['keys.sync'](undefined));
    expect(after.keys.every((k) => k.unreadable.length === 0)).toBe(true);
    for (const key of after.keys) {
      expect(key.expiresAt).toBe(truth.get(key.id)?.expiresAt);
      expect(key.lastUsedAt).toBe(truth.get(key.id)?.lastUsedAt ?? null);
    }
    expect(after.keys.some((k) => k.expiresAt !== null)).toBe(true);

    // Keytray starts again on the same settings: the first sync already reads them.
    const again = createCoreHarness({
      simulatorInstance: h.simulator,
      state: h.state,
      secrets: h.secrets,
      fetch: async (input, init) => {
        const answer = await h.simulator.fetch(input, init);
        const url = new URL(new Request(input, init).url);
        return answer.status === 204
          ? answer
          : new Response(unusualSpellings(url, await answer.text()), answer);
      },
    });
    await again.core.start();
    const restarted = value(await again.core.handlers['keys.sync'](undefined));
    expect(restarted.keys.every((k) => k.unreadable.length === 0)).toBe(true);
  });

  it('a check that finds no key record keeps what an earlier check learned', async () => {
    const h = await connectedOwner({ profile: 'docs-minimal' });
    await check(h);
    h.simulator.setIamRoutes(false);
    h.simulator.setGuessedRoutes(false);
    const report = await check(h);
    expect(report.text).toContain('Key record fields: no key list answered with a record');
    expect(h.state.read().accounts['u:user-owner-42']?.telnyxFields?.keyRecord.expiresAt).toBe('expiration');
  });

  it('what a check learned is not filed under an account connected while it ran', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const h = harness({});
    const realFetch = h.simulator.fetch;
    h.simulator.fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      if (url.pathname === '/v2/api_keys' && url.search === '?page%5Bsize%5D=1') {
        holding = true;
        await held;
      }
      return realFetch(input, init);
    };
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.ownerKey }));
    const running = h.core.handlers['telnyx.checkCompatibility'](undefined);
    await vi.waitFor(() => expect(holding).toBe(true));
    value(await h.core.handlers['account.connect']({ apiKey: h.simulator.memberKey }));
    release();
    expect((await running).ok).toBe(true);
    const accounts = h.state.read().accounts;
    expect(Object.values(accounts).map((a) => a.telnyxFields)).toEqual(
      Object.values(accounts).map(() => null),
    );
  });

  it('a settings file cannot make Keytray read another field as the expiry', async () => {
    const h = await connectedOwner({});
    const file = h.state.read();
    const scope = file.account?.scope ?? '';
    const data = file.accounts[scope];
    if (!data) throw new Error('no account data');
    // Shaped like a field name, but not one of the expiry's spellings: ignored.
    data.telnyxFields = { checkedAt: START.toISOString(), keyRecord: { expiresAt: 'created_at' } };
    h.state.write(file);
    const list = value(await h.core.handlers['keys.sync'](undefined));
    const never = h.simulator.state.keys.filter((k) => k.expiresAt === null).map((k) => k.id);
    expect(list.keys.filter((k) => never.includes(k.id)).every((k) => k.expiresAt === null)).toBe(true);
  });

  it('the parser tries the learned spelling first, and only then the usual ones', () => {
    const id = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
    const record = {
      id,
      status: 'active',
      tags: [],
      expires_at: '2026-09-01T00:00:00Z',
      expiration: '2026-04-01T00:00:00Z',
    };
    expect(parseKeyRecord(record, START)?.expiresAt).toBe('2026-09-01T00:00:00.000Z');
    const learned = compileSpellings({ expiresAt: 'expiration' });
    expect(parseKeyRecord(record, START, undefined, undefined, learned)?.expiresAt).toBe(
      '2026-04-01T00:00:00.000Z',
    );
    const { expiration: _gone, ...usualOnly } = record;
    expect(parseKeyRecord(usualOnly, START, undefined, undefined, learned)?.expiresAt).toBe(
      '2026-09-01T00:00:00.000Z',
    );
  });
});
