import { describe, expect, it } from 'vitest';
import { createCoreHarness, value } from '../../../fixtures/core-harness.js';

const TOKEN = 'abcDEF123_-ghiJKL456mn';

describe('v1 tokens', () => {
  it('adds a token to the keychain and only its name and e-mail to settings', async () => {
    const { core, secrets, state } = createCoreHarness();
    const token = value(
      await core.handlers['tokens.add']({ name: ' Billing ', email: 'ops@example.com', token: TOKEN }),
    );
    expect(token).toMatchObject({ name: 'Billing', email: 'ops@example.com', pinned: false });
    expect(await secrets.get(`token:${token.id}`)).toBe(TOKEN);
    expect(JSON.stringify(state.read())).not.toContain(TOKEN);
    expect(value(await core.handlers['tokens.list'](undefined))).toEqual([token]);
  });

  it('copies the token, the two headers, or a curl command', async () => {
    const { core, desktop } = createCoreHarness();
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
    const { core, secrets } = createCoreHarness();
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
    expect(await secrets.names()).toHaveLength(1);
  });

  it('when the keychain is unreachable, says so and records nothing', async () => {
    const { createMemorySecretStore } = await import('../../../../electron/core/secrets/memory-store.js');
    const { AppError } = await import('../../../../electron/core/errors.js');
    const secrets = createMemorySecretStore();
    secrets.breakWith(
      new AppError(
        'keychain-unavailable',
        'Keytray could not reach the system keychain, so nothing was stored.',
      ),
    );
    const { core, state } = createCoreHarness({ secrets });
    const result = await core.handlers['tokens.add']({
      name: 'Billing',
      email: 'a@example.com',
      token: TOKEN,
    });
    expect(!result.ok && result.error.code).toBe('keychain-unavailable');
    expect(state.read().tokens).toEqual([]);
  });

  it('renames and removes, taking the secret and the pin with it', async () => {
    const { core, secrets, state } = createCoreHarness();
    const { id } = value(
      await core.handlers['tokens.add']({ name: 'Billing', email: 'a@example.com', token: TOKEN }),
    );
    value(await core.handlers['tokens.pin']({ id, pinned: true }));
    expect(value(await core.handlers['tokens.rename']({ id, name: 'Invoices' })).name).toBe('Invoices');
    value(await core.handlers['tokens.remove']({ id }));
    expect(await secrets.names()).toEqual([]);
    expect(state.read().pins).toEqual([]);
    expect(value(await core.handlers['tokens.list'](undefined))).toEqual([]);
  });
});
