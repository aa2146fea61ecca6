import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../electron/core/telnyx/simulator/index.js';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

async function connected(
  options: Parameters<typeof createCoreHarness>[0] = {},
  as: 'owner' | 'member' = 'owner',
) {
  const harness = createCoreHarness(options);
  const apiKey = as === 'owner' ? harness.simulator.ownerKey : harness.simulator.memberKey;
  value(await harness.core.handlers['account.connect']({ apiKey }));
  value(await harness.core.handlers['keys.sync'](undefined));
  return harness;
}

/** A listed key, other than the owner's, that Telnyx would accept: active and not expired. */
export const usableKey = (simulator: Simulator) =>
  simulator.state.keys.find(
    (k) =>
      k.value !== simulator.ownerKey &&
      k.userId !== 'user-gone' &&
      k.status === 'active' &&
      (k.expiresAt === null || Date.parse(k.expiresAt) > Date.parse('2026-03-03')),
  );

const error = (result: { ok: boolean; error?: { code: string; message: string } }) => result.error;

describe('keys', () => {
  it('lists every key after a sync, with the connected key copyable and the others needing their secret', async () => {
    const { core, simulator } = await connected();
    const list = value(await core.handlers['keys.list'](undefined));
    expect(list.keys).toHaveLength(20);
    const own = list.keys.find((k) => simulator.ownerKey.startsWith(`${k.id}_`));
    expect(own?.hasSecret).toBe(true);
    expect(list.keys.filter((k) => k.hasSecret)).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(simulator.ownerKey);
  });

  it('copies in each format through the secure clipboard, marked secret, and announces the copy', async () => {
    const { core, simulator, desktop } = await connected();
    const id = simulator.ownerKey.split('_')[0] as string;
    const copied: unknown[] = [];
    core.events.on('copied', (c) => copied.push(c));
    const formats = {
      raw: simulator.ownerKey,
      env: `TELNYX_API_KEY=${simulator.ownerKey}`,
      header: `Authorization: Bearer ${simulator.ownerKey}`,
      // The key comes from the environment ("Environment variable" sets it), never from the command line.
      curl: 'curl -H "Authorization: Bearer $TELNYX_API_KEY" https://api.telnyx.com/v2/balance',
    } as const;
    for (const [format, text] of Object.entries(formats)) {
      expect(value(await core.handlers['keys.copy']({ id, format: format as keyof typeof formats }))).toEqual(
        {
          label: id,
          clearsInSeconds: 30,
        },
      );
      expect(desktop.clipboard).toBe(text);
      expect(desktop.clipboardMarkedSecret).toBe(true);
    }
    expect(copied).toHaveLength(4);
  });

  it('saves the full key of a listed key, refusing one whose id does not match', async () => {
    const { core, simulator } = await connected();
    const other = usableKey(simulator);
    const id = other?.id ?? '';
    const wrong = await core.handlers['keys.saveSecret']({ id, value: simulator.ownerKey });
    expect(error(wrong)?.code).toBe('invalid-input');
    expect(error(wrong)?.message).toMatch(
      /^That key is KEY\w+…\w+, not KEY\w+…\w+\. Paste the key whose id starts the same\.$/,
    );
    const garbage = await core.handlers['keys.saveSecret']({ id, value: 'hello' });
    expect(error(garbage)?.message).toMatch(/does not look like a Telnyx API key/);
    const added = value(await core.handlers['keys.saveSecret']({ id, value: ` ${other?.value} ` }));
    expect(added.outcome === 'saved' && added.key.hasSecret).toBe(true);
    expect(value(await core.handlers['keys.reveal']({ id }))).toEqual({ secret: other?.value });
  });

  it('says plainly when it does not hold a secret', async () => {
    const { core, simulator } = await connected();
    const id = simulator.state.keys.find((k) => !simulator.ownerKey.startsWith(k.id))?.id ?? '';
    const result = await core.handlers['keys.copy']({ id, format: 'raw' });
    expect(error(result)).toEqual({
      code: 'not-found',
      message: expect.stringMatching(
        /^Keytray does not hold the full key of KEY.*Use "Save the full key" to paste it\.$/,
      ),
    });
  });

  it('disables and enables a key as the owner; an expired key gets a plain refusal', async () => {
    const { core, simulator } = await connected();
    const active = simulator.state.keys.find(
      (k) => k.status === 'active' && k.expiresAt === null && !simulator.ownerKey.startsWith(k.id),
    );
    const id = active?.id ?? '';
    expect(value(await core.handlers['keys.setEnabled']({ id, enabled: false })).status).toBe('inactive');
    expect(simulator.state.keys.find((k) => k.id === id)?.status).toBe('inactive');
    expect(value(await core.handlers['keys.setEnabled']({ id, enabled: true })).status).toBe('active');
    const expired = simulator.state.keys.find(
      (k) => k.expiresAt !== null && Date.parse(k.expiresAt) < Date.parse('2026-03-02'),
    );
    const refused = await core.handlers['keys.setEnabled']({ id: expired?.id ?? '', enabled: true });
    expect(error(refused)?.code).toBe('rejected');
    expect(error(refused)?.message).toMatch(
      /has expired, so it can't be turned on or off\. Create a new key instead\.$/,
    );
  });

  it('refuses to disable or delete the key Keytray itself connects with', async () => {
    const { core, simulator } = await connected();
    const id = simulator.ownerKey.split('_')[0] as string;
    for (const result of [
      await core.handlers['keys.setEnabled']({ id, enabled: false }),
      await core.handlers['keys.delete']({ id }),
    ]) {
      expect(error(result)?.code).toBe('rejected');
      expect(error(result)?.message).toMatch(/is the key Keytray itself uses to reach Telnyx/);
    }
    expect(simulator.state.keys.some((k) => k.id === id && k.status === 'active')).toBe(true);
  });

  it('edits tags, refusing the 11th; with the guessed route missing it says to use the portal', async () => {
    const { core, simulator } = await connected();
    const id = simulator.state.keys.find((k) => !simulator.ownerKey.startsWith(k.id))?.id ?? '';
    expect(value(await core.handlers['keys.setTags']({ id, tags: [' prod', 'sms ', 'prod'] })).tags).toEqual([
      'prod',
      'sms',
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => `t${i}`);
    expect(error(await core.handlers['keys.setTags']({ id, tags: eleven }))?.code).toBe('invalid-input');

    simulator.setGuessedRoutes(false);
    const refused = await core.handlers['keys.setTags']({ id, tags: ['x'] });
    expect(error(refused)?.code).toBe('not-supported');
    expect(error(refused)?.message).toContain(
      'Do it in the Telnyx portal (https://portal.telnyx.com/#/app/api-keys).',
    );
    const status = value(await core.handlers['account.status'](undefined));
    expect(status.connected && status.capabilities.editTags).toBe('unavailable');
  });

  it('a key without the organization list sees its own keys, and is told what it cannot do', async () => {
    const { core, simulator } = await connected({}, 'member');
    const list = value(await core.handlers['keys.list'](undefined));
    const devKeys = simulator.state.keys.filter((k) => k.userId === 'user-dev');
    expect(list.keys.map((k) => k.id).sort()).toEqual(devKeys.map((k) => k.id).sort());
    const other = devKeys.find((k) => k.value !== simulator.memberKey);
    const result = await core.handlers['keys.setEnabled']({ id: other?.id ?? '', enabled: false });
    expect(error(result)?.code).toBe('not-supported');
    expect(error(result)?.message).toMatch(
      /^The connected key can't disable keys: Telnyx doesn't show it the organization's keys\./,
    );
    expect(error(result)?.message).not.toMatch(/owner/);
  });

  it('a non-owner without the own-keys route still sees the keys whose secrets it holds', async () => {
    const { core, simulator } = await connected({ simulator: { guessedRoutes: false } }, 'member');
    const list = value(await core.handlers['keys.list'](undefined));
    expect(list.keys.map((k) => k.id)).toEqual([simulator.memberKey.split('_')[0]]);
    const status = value(await core.handlers['account.status'](undefined));
    expect(status.connected && status.capabilities).toEqual({
      isOwner: false,
      editTags: 'unknown',
      listOwn: 'unavailable',
      deleteOwn: 'unknown',
    });
  });

  it('deletes a key at Telnyx and forgets its secret and pin', async () => {
    const { core, simulator, secrets } = await connected();
    const key = simulator.state.keys.find((k) => !simulator.ownerKey.startsWith(k.id));
    const id = key?.id ?? '';
    value(await core.handlers['keys.saveSecret']({ id, value: key?.value ?? '', confirmUnchecked: true }));
    value(await core.handlers['keys.pin']({ id, pinned: true }));
    value(await core.handlers['keys.delete']({ id }));
    expect(simulator.state.keys.some((k) => k.id === id)).toBe(false);
    expect(await secrets.get(`u:user-owner-42/key:${id}`)).toBeNull();
    expect(value(await core.handlers['keys.list'](undefined)).keys.some((k) => k.id === id)).toBe(false);
  });

  it('a key renamed on this device shows its name in the list and the tray menu; empty removes it; delete forgets it', async () => {
    const { core, simulator, desktop, accountData } = await connected();
    const key = usableKey(simulator);
    const id = key?.id ?? '';
    value(await core.handlers['keys.saveSecret']({ id, value: key?.value ?? '', confirmUnchecked: true }));
    value(await core.handlers['keys.pin']({ id, pinned: true }));
    expect(value(await core.handlers['keys.rename']({ id, name: '  Zapier  ' })).name).toBe('Zapier');
    expect(value(await core.handlers['keys.list'](undefined)).keys.find((k) => k.id === id)?.name).toBe(
      'Zapier',
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(desktop.tray?.menu.some((i) => i.kind === 'copy' && i.label === 'Copy Zapier')).toBe(true);
    expect(error(await core.handlers['keys.rename']({ id, name: 'Zap\u202eier' }))?.code).toBe(
      'invalid-input',
    );
    expect(value(await core.handlers['keys.rename']({ id, name: '' })).name).toBeNull();
    value(await core.handlers['keys.rename']({ id, name: 'Zapier' }));
    expect(accountData().names).toEqual({ [id]: 'Zapier' });
    value(await core.handlers['keys.delete']({ id }));
    expect(accountData().names).toEqual({});
  });

  it('pins at most nine items', async () => {
    const { core, simulator } = await connected();
    const ids = simulator.state.keys
      .filter((k) => k.userId !== 'user-gone')
      .slice(0, 10)
      .map((k) => k.id);
    for (const id of ids.slice(0, 9)) value(await core.handlers['keys.pin']({ id, pinned: true }));
    const tenth = await core.handlers['keys.pin']({ id: ids[9] ?? '', pinned: true });
    expect(error(tenth)).toEqual({
      code: 'rejected',
      message: 'You can pin up to 9 keys and tokens. Unpin one first.',
    });
  });

  it('keeps the cached list readable offline and says so', async () => {
    const { core, simulator } = await connected();
    simulator.faults.add({ kind: 'drop', count: 10 });
    const result = await core.handlers['keys.sync'](undefined);
    expect(error(result)?.code).toBe('unavailable');
    const list = value(await core.handlers['keys.list'](undefined));
    expect(list.offline).toBe(true);
    expect(list.keys).toHaveLength(20);
  });

  it('refuses a past expiry and 11 tags at create, creating nothing', async () => {
    const { core, simulator } = await connected();
    const past = await core.handlers['keys.create']({ tags: [], expiresAt: '2026-03-01T00:00:00.000Z' });
    expect(error(past)).toEqual({ code: 'invalid-input', message: 'Pick an expiry date in the future.' });
    expect(simulator.state.issued).toHaveLength(0);
  });
});

describe('account', () => {
  it('a refused key changes nothing', async () => {
    const { core, secrets, state } = createCoreHarness();
    const result = await core.handlers['account.connect']({
      apiKey: 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abcdefghijklmnopqrstuv',
    });
    expect(error(result)).toEqual({
      code: 'unauthorized',
      message: 'That key was refused by Telnyx. It may be mistyped, disabled, expired or revoked.',
    });
    expect(await secrets.names()).toEqual([]);
    expect(state.read().account).toBeNull();
  });

  it('the demo account connects without a key and without the keychain', async () => {
    const { core, secrets } = createCoreHarness();
    const status = value(await core.handlers['account.connectDemo'](undefined));
    expect(status).toMatchObject({ connected: true, mode: 'demo', capabilities: { isOwner: true } });
    expect(value(await core.handlers['keys.list'](undefined)).keys.length).toBeGreaterThan(50);
    expect(await secrets.names()).toEqual([]);
  });

  it('restores the account at start from settings and the keychain', async () => {
    const first = createCoreHarness();
    value(await first.core.handlers['account.connect']({ apiKey: first.simulator.ownerKey }));
    expect(first.state.read().account).toMatchObject({ mode: 'telnyx', isOwner: true });
    expect(JSON.stringify(first.state.read())).not.toContain(first.simulator.ownerKey);

    const second = createCoreHarness({
      secrets: first.secrets,
      state: first.state,
      simulatorInstance: first.simulator,
    });
    expect(await second.core.start()).toMatchObject({ connected: true, mode: 'telnyx' });
    expect(value(await second.core.handlers['keys.sync'](undefined)).keys).toHaveLength(20);
  });

  it('a start whose keychain lost the account key disconnects plainly', async () => {
    const first = createCoreHarness();
    value(await first.core.handlers['account.connect']({ apiKey: first.simulator.ownerKey }));
    // Each account's connecting key is kept under its scope (`<scope>/account`).
    const scope = first.state.read().account?.scope ?? '';
    expect(await first.secrets.delete(`${scope}/account`)).toBe(true);
    const second = createCoreHarness({
      secrets: first.secrets,
      state: first.state,
      simulatorInstance: first.simulator,
    });
    expect(await second.core.start()).toEqual({ connected: false });
    expect(first.state.read().account).toBeNull();
  });

  it('disconnect forgets the account but keeps saved key secrets', async () => {
    const { core, secrets, simulator } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    expect(value(await core.handlers['account.disconnect'](undefined))).toEqual({ connected: false });
    expect(await secrets.names()).toEqual([`u:user-owner-42/key:${simulator.ownerKey.split('_')[0]}`]);
    expect(error(await core.handlers['keys.list'](undefined))?.code).toBe('not-connected');
  });
});
