import { describe, expect, it } from 'vitest';
import { createCoreHarness, value } from '../../fixtures/core-harness.js';

const TOKEN = 'abcDEF123_-ghiJKL456mn';
const failure = (result: { ok: boolean; error?: { message: string } }) =>
  result.ok ? 'accepted' : (result.error?.message ?? '');

describe('a credential pasted in the wrong place', () => {
  it('a V1 token on Connect is named as one, with where Keytray connects from and where tokens go', async () => {
    const { core, secrets } = createCoreHarness();
    const message = failure(await core.handlers['account.connect']({ apiKey: TOKEN }));
    expect(message).toMatch(/^That looks like a V1 token, not an API key\./);
    expect(message).toContain('API Keys page of the Telnyx portal');
    expect(message).toContain('V1 tokens tab');
    expect(message).not.toContain(TOKEN);
    expect(await secrets.names()).toEqual([]);
  });

  it("a key's id alone on Connect is said to be only the id", async () => {
    const { core, simulator } = createCoreHarness();
    const id = simulator.ownerKey.slice(0, simulator.ownerKey.indexOf('_'));
    expect(failure(await core.handlers['account.connect']({ apiKey: id }))).toMatch(
      /^That is only a key's id, the part before the underscore\./,
    );
  });

  it('an API key pasted as a V1 token is sent to its row on the API keys tab, and nothing is stored', async () => {
    const { core, simulator, secrets } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    const before = await secrets.names();
    const member = simulator.memberKey;
    const message = failure(
      await core.handlers['tokens.add']({ name: 'Billing', email: 'ops@example.com', token: member }),
    );
    expect(message).toMatch(/^That is an API key \(KEY..…....\), not a V1 token\./);
    expect(message).toContain('API keys tab');
    expect(message).toContain('"Save the full key"');
    expect(message).not.toContain(member.slice(member.indexOf('_') + 1));
    expect(value(await core.handlers['tokens.list'](undefined))).toEqual([]);
    expect(await secrets.names()).toEqual(before);
  });

  it('a V1 token in Save the full key is sent to the V1 tokens tab', async () => {
    const { core, simulator } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    const { keys } = value(await core.handlers['keys.list'](undefined));
    const other = keys.find((k) => !k.hasSecret);
    const message = failure(await core.handlers['keys.saveSecret']({ id: other?.id ?? '', value: TOKEN }));
    expect(message).toMatch(/^That looks like a V1 token, not the full API key\./);
    expect(message).toContain('V1 tokens tab, under "Add token"');
  });

  it('the right kind in each place still passes', async () => {
    const { core, simulator } = createCoreHarness();
    value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
    value(await core.handlers['tokens.add']({ name: 'Billing', email: 'ops@example.com', token: TOKEN }));
  });
});
