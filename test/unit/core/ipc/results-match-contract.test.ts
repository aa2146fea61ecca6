import { describe, expect, it } from 'vitest';
import { resultSchemaOf, type Channel } from '../../../../electron/common/contract.js';
import { createCoreHarness } from '../../../fixtures/core-harness.js';

describe('answers match the contract', () => {
  it('every answer the demo core gives, success or failure, parses with its channel result schema', async () => {
    const { core, simulator } = createCoreHarness();
    const calls: [Channel, unknown][] = [
      ['account.status', undefined],
      ['keys.list', undefined],
      ['account.connect', { apiKey: simulator.ownerKey }],
      ['keys.sync', undefined],
      ['keys.list', undefined],
      ['keys.create', { tags: ['ci'], expiresAt: null }],
      ['keys.copy', { id: simulator.ownerKey.split('_')[0], format: 'env' }],
      ['keys.reveal', { id: 'KEY00000000000000000000000000000000' }],
      ['tokens.add', { name: 'Ops', email: 'ops@example.com', token: 'Vq3xT9bLm2Rk7Wp4Zs8Nd1' }],
      ['tokens.list', undefined],
      ['settings.get', undefined],
      ['settings.set', { clipboardClearSeconds: 10 }],
      ['reminders.upcoming', undefined],
      ['reminders.exportCalendar', undefined],
      ['keys.setTags', { id: 'not a key id', tags: [] }],
      ['account.disconnect', undefined],
    ];
    let failures = 0;
    for (const [channel, payload] of calls) {
      const answer = await core.handlers[channel](payload);
      if (!answer.ok) failures++;
      const parsed = resultSchemaOf(channel).safeParse(answer);
      expect(parsed.success, `${channel}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
    }
    // Both kinds were checked: successes and plain failures.
    expect(failures).toBeGreaterThanOrEqual(2);
  });
});
