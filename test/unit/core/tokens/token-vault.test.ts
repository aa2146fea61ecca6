import { describe, expect, it } from 'vitest';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

const TOKEN = 'abcDEF123_-ghiJKL456mn';

/** V1 tokens belong to an account: a harness connected as the simulated organization's owner. */
async function connectedHarness(options: Parameters<typeof createCoreHarness>[0] = {}) {
  const harness = createCoreHarness(options);
  value(await harness.core.handlers['account.connect']({ apiKey: harness.simulator.ownerKey }));
  const tokenNames = async () => (await harness.secrets.names()).filter((n) => n.includes('token:'));
  return { ...harness, tokenNames };
}

describe('v1 tokens', () => {
  it('adds a token to the keychain and only its name and e-mail to settings', async () => {
    const { core, secrets, state } = await connectedHarness();
    const token = value(
      await core.handlers['tokens.add']({ name: ' Billing ', email: 'ops@example.com', token: TOKEN }),
    );
    expect(token).toMatchObject({ name: 'Billing', email: 'ops@example.com', pinned: false });
    expect(await secrets.get(`u:user-owner-42/token:${token.id}`)).toBe(TOKEN);
    expect(JSON.stringify(state.read())).not.toContain(TOKEN);
    expect(value(await core.handlers['tokens.list'](undefined))).toEqual([token]);
  });

  it('copies the token, the two headers, or a curl command', async () => {
    const { core, desktop } = await connectedHarness();
    const { id } = value(
      await core.handlers['tokens.add']({ name: 'Billing', email: 'ops@example.com', token: TOKEN }),
    );
    value(await core.handlers['tokens.copy']({ id, format: 'headers' }));
    expect(desktop.clipboard).toBe(`x-api-user: ops@example.com\nx-api-token: ${TOKEN}`);
    value(await core.handlers['tokens.copy']({ id, format: 'token' }));
    expect(desktop.clipboard).toBe(TOKEN);
    value(await core.handlers['tokens.copy']({ id, format: 'curl' }));
    expect(desktop.clipboard).toContain(`-H "x-api-token: ${TOKEN}"`);
  });

  it('refuses a malformed token or a duplicate name in plain words, storing nothing', async () => {
    const { core, tokenNames } = await connectedHarness();
    const bad = await core.handlers['tokens.add']({
      name: 'A',
      email: 'a@example.com',
      token: 'not a token!',
    });
    expect(!bad.ok && bad.error.message).toMatch(/^That does not look like a V1 token/);
    value(await core.handlers['tokens.add']({ name: 'Billing', email: 'a@example.com', token: TOKEN }));
    const twice = await core.handlers['tokens.add']({
      name: 'billing',
      email: 'a@example.com',
      token: TOKEN,
    });
    expect(!twice.ok && twice.error.message).toBe(
      'You already have a token named "billing". Pick another name.',
    );
    expect(await tokenNames()).toHaveLength(1);
  });

  it('when the keychain is unreachable, says so and records nothing', async () => {
    const { createMemorySecretStore } = await import('../../../../electron/core/secrets/memory-store.js');
    const { AppError } = await import('../../../../electron/core/errors.js');
    const secrets = createMemorySecretStore();
    const { core, accountData } = await connectedHarness({ secrets });
    secrets.breakWith(
      new AppError(
        'keychain-unavailable',
        'Keytray could not reach the system keychain, so nothing was stored.',
      ),
    );
    const result = await core.handlers['tokens.add']({
      name: 'Billing',
      email: 'a@example.com',
      token: TOKEN,
    });
    expect(!result.ok && result.error.code).toBe('keychain-unavailable');
    expect(accountData().tokens).toEqual([]);
  });

  it('renames and removes, taking the secret and the pin with it', async () => {
    const { core, accountData, tokenNames } = await connectedHarness();
    const { id } = value(
      await core.handlers['tokens.add']({ name: 'Billing', email: 'a@example.com', token: TOKEN }),
    );
    value(await core.handlers['tokens.pin']({ id, pinned: true }));
    expect(value(await core.handlers['tokens.rename']({ id, name: 'Invoices' })).name).toBe('Invoices');
    value(await core.handlers['tokens.remove']({ id }));
    expect(await tokenNames()).toEqual([]);
    expect(accountData().pins).toEqual([]);
    expect(value(await core.handlers['tokens.list'](undefined))).toEqual([]);
  });

  it('belong to the account they were added under: another account never sees them, the first gets them back', async () => {
    const first = await connectedHarness();
    value(await first.core.handlers['tokens.add']({ name: 'Billing', email: 'a@example.com', token: TOKEN }));
    // The same keychain and settings, another organization's owner.
    const other = createCoreHarness({ secrets: first.secrets, state: first.state, keyCache: first.keyCache });
    value(await first.core.handlers['account.disconnect'](undefined));
    value(await other.core.handlers['account.connect']({ apiKey: other.simulator.memberKey }));
    expect(value(await other.core.handlers['tokens.list'](undefined))).toEqual([]);
    value(await other.core.handlers['account.disconnect'](undefined));
    value(await first.core.handlers['account.connect']({ apiKey: first.simulator.ownerKey }));
    const back = value(await first.core.handlers['tokens.list'](undefined));
    expect(back.map((t) => t.name)).toEqual(['Billing']);
    value(await first.core.handlers['tokens.copy']({ id: back[0]?.id ?? '', format: 'token' }));
    expect(first.desktop.clipboard).toBe(TOKEN);
  });
});
