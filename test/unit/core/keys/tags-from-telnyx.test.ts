import { describe, expect, it } from 'vitest';
import { isPlainText } from '../../../../electron/common/text.js';
import { buildTrayModel } from '../../../../electron/core/tray-model/tray-model.js';
import { createCoreHarness, START, value } from '../../../fixtures/core-harness.js';

/** Tags someone set in Telnyx's portal or API, with characters Keytray itself would never accept. */
const FROM_TELNYX = ['ops\u202eteam', 'line\nbreak'];
const SHOWN = ['ops\ufffdteam', 'line\ufffdbreak'];

/** Connected as the owner, whose own key (the one with a secret, so it can be pinned) carries those tags. */
async function ownKeyTaggedInTelnyx() {
  const harness = createCoreHarness();
  const { simulator, core } = harness;
  const own = simulator.state.keys.find((k) => simulator.ownerKey.startsWith(`${k.id}_`));
  if (!own) throw new Error('the simulator has no owner key');
  for (const key of simulator.state.keys) key.expiresAt = null;
  own.tags = [...FROM_TELNYX];
  // Expires later today: the reminder after the first sync is about this key alone.
  own.expiresAt = new Date(START.getTime() + 60 * 60 * 1000).toISOString();
  value(await core.handlers['account.connect']({ apiKey: simulator.ownerKey }));
  value(await core.handlers['keys.sync'](undefined));
  return { ...harness, own };
}

describe('tags set in Telnyx: kept as they are, shown cleaned', () => {
  it('an edit that adds a tag sends the existing ones back to Telnyx unchanged', async () => {
    const { core, own } = await ownKeyTaggedInTelnyx();
    const edited = value(await core.handlers['keys.setTags']({ id: own.id, tags: [...FROM_TELNYX, 'sms'] }));
    expect(edited.tags).toEqual([...FROM_TELNYX, 'sms']);
    expect(own.tags).toEqual([...FROM_TELNYX, 'sms']);
  });

  it('a typed tag with a control or direction character is refused, and Telnyx is not asked', async () => {
    const { core, own } = await ownKeyTaggedInTelnyx();
    const refused = await core.handlers['keys.setTags']({
      id: own.id,
      tags: [...FROM_TELNYX, 'new\u2066tag'],
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toEqual({
      code: 'invalid-input',
      message:
        'Tags can hold letters, digits, spaces and punctuation, not control or text-direction characters.',
    });
    expect(own.tags).toEqual(FROM_TELNYX);
  });

  it('replacing a key carries its Telnyx tags over as they are, and a long one too', async () => {
    const { core, simulator, own } = await ownKeyTaggedInTelnyx();
    const long = 'x'.repeat(100);
    own.tags = [...FROM_TELNYX, long];
    value(await core.handlers['keys.sync'](undefined));
    const replaced = value(await core.handlers['keys.replace']({ id: own.id }));
    const created = simulator.state.keys.find((k) => k.id === replaced.created.key.id);
    expect(created?.tags).toEqual([...FROM_TELNYX, long]);
    const edited = value(
      await core.handlers['keys.setTags']({ id: own.id, tags: [...FROM_TELNYX, long, 'sms'] }),
    );
    expect(edited.tags).toEqual([...FROM_TELNYX, long, 'sms']);
  });

  it('a new key is refused a tag with a direction override: every tag of a new key is typed', async () => {
    const { core, simulator } = await ownKeyTaggedInTelnyx();
    const before = simulator.state.keys.length;
    const refused = await core.handlers['keys.create']({ tags: ['prod\u202e'], expiresAt: null });
    expect(!refused.ok && refused.error.code).toBe('invalid-input');
    expect(simulator.state.keys).toHaveLength(before);
  });

  it('the tray menu label of the pinned key shows the tag cleaned', async () => {
    const { core, desktop, own } = await ownKeyTaggedInTelnyx();
    value(await core.handlers['keys.pin']({ id: own.id, pinned: true }));
    const labels = (desktop.tray?.menu ?? []).flatMap((item) => ('label' in item ? [item.label] : []));
    expect(labels).toContain(`Copy ${SHOWN[0]} …${own.id.slice(-4)}`);
    expect(labels.every(isPlainText)).toBe(true);
  });

  it('the expiry notification names the key with its tags cleaned', async () => {
    const { desktop } = await ownKeyTaggedInTelnyx();
    expect(desktop.notifications).toHaveLength(1);
    const [shown] = desktop.notifications;
    expect(shown?.body).toContain(`(${SHOWN.join(', ')})`);
    expect(isPlainText(`${shown?.title} ${shown?.body}`)).toBe(true);
  });

  it('a pin label or token name saved before names were checked is shown cleaned in the tray too', () => {
    const id = 'KEY0190AB12CD34EF56AB78CD90EF12AB34';
    const model = buildTrayModel({
      keys: [{ id, tags: [], status: 'active', expiresAt: null, hasSecret: true }],
      tokens: [{ id: 't1', name: 'Bill\u202eing' }],
      pins: [
        { kind: 'key', id, label: 'prod\nEU' },
        { kind: 'token', id: 't1', label: null },
      ],
      attention: null,
      connected: true,
    });
    const labels = model.menu.flatMap((item) => (item.kind === 'copy' ? [item.label] : []));
    expect(labels).toEqual(['Copy prod\ufffdEU', 'Copy Bill\ufffding']);
  });
});
