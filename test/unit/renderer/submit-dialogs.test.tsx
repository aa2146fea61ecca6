import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type {
  AccountStatus,
  ConnectAnswer,
  KeyCreated,
  KeyReplaced,
} from '../../../electron/common/models.js';
import type { Result } from '../../../electron/common/result.js';
import { ConnectView } from '../../../renderer/components/connect-view.js';
import { useCopyInDialog } from '../../../renderer/components/copy-in-dialog.js';
import { CreateKeyDialog } from '../../../renderer/components/create-key-dialog.js';
import { CreatedOutcome } from '../../../renderer/components/created-outcome.js';
import { ReplaceKeyDialog } from '../../../renderer/components/replace-key-dialog.js';
import { useSubmit } from '../../../renderer/hooks/use-submit.js';
import { bridge, failed, ok } from './fake-bridge.js';
import { inDays, keyList, keyView } from './key-fixtures.js';

/** An answer main has not given yet: the test settles it, so it can look at the dialog while it waits. */
function later<T>() {
  let settle: (result: Result<T>) => void = () => {};
  const promise = new Promise<Result<T>>((resolve) => (settle = resolve));
  return { promise, settle: (result: Result<T>) => act(async () => settle(result)) };
}

function created(over: Partial<KeyCreated> = {}): KeyCreated {
  return {
    key: keyView(),
    saved: true,
    message: 'Saved in your system keychain.',
    requested: { tags: [], expiresAt: null },
    unconfirmed: [],
    notApplied: null,
    canDisableOnExpiry: false,
    ...over,
  };
}

const CONNECTED: AccountStatus = {
  connected: true,
  mode: 'telnyx',
  keyId: keyView().id,
  capabilities: {} as never,
  portalUrl: 'https://portal.telnyx.com',
  accountId: 'a1',
  name: 'Production',
  accountCount: 1,
  accountKeyIds: [],
};

describe('useSubmit', () => {
  function Harness(props: { call: () => Promise<Result<string>>; onDone: (v: string) => void }) {
    const { busy, run, alert } = useSubmit();
    return (
      <>
        {alert}
        <button
          type="button"
          onClick={() => {
            // Two runs in one event: the second sees the first under way and does nothing.
            void run(props.call, props.onDone);
            void run(props.call, props.onDone);
          }}
        >
          {busy ? 'Working…' : 'Go'}
        </button>
      </>
    );
  }

  it('runs one call at a time, shows busy, then the plain error', async () => {
    const answer = later<string>();
    const call = vi.fn(() => answer.promise);
    const onDone = vi.fn();
    render(<Harness call={call} onDone={onDone} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Go' }));
    expect(call).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Working…' })).toBeTruthy();
    await answer.settle(failed('unavailable', 'Telnyx did not answer. Try again in a minute.'));
    expect(screen.getByRole('alert').textContent).toBe('Telnyx did not answer. Try again in a minute.');
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Go' })).toBeTruthy();
  });
});

describe('Connect', () => {
  it('says it is connecting, sends the key once, and keeps the field when Telnyx refuses it', async () => {
    const answer = later<ConnectAnswer>();
    bridge.answer('account.connect', () => answer.promise);
    const onConnected = vi.fn();
    render(<ConnectView onConnected={onConnected} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Telnyx API key'), 'KEYnotreal{Enter}{Enter}');
    expect(bridge.sent('account.connect')).toEqual([{ apiKey: 'KEYnotreal' }]);
    expect((screen.getByRole('button', { name: 'Connecting…' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Try the demo account' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await answer.settle(failed('unauthorized', 'That key was refused by Telnyx.'));
    expect(screen.getByRole('alert').textContent).toBe('That key was refused by Telnyx.');
    expect((screen.getByLabelText('Telnyx API key') as HTMLInputElement).value).toBe('KEYnotreal');
    expect(onConnected).not.toHaveBeenCalled();
  });

  it('hands over the account with the first screen of keys its answer brought, and empties the field', async () => {
    const answer = later<ConnectAnswer>();
    bridge.answer('account.connect', () => answer.promise);
    const onConnected = vi.fn();
    render(<ConnectView onConnected={onConnected} />);
    await userEvent.setup().type(screen.getByLabelText('Telnyx API key'), 'KEYnotreal{Enter}');
    const firstScreen = { ...keyList([keyView()]), total: 10_000 };
    await answer.settle(ok({ status: CONNECTED, firstScreen }));
    expect(onConnected).toHaveBeenCalledWith(CONNECTED, firstScreen);
    expect((screen.getByLabelText('Telnyx API key') as HTMLInputElement).value).toBe('');
  });

  it('the demo button says it is starting, then hands over the account', async () => {
    const answer = later<AccountStatus>();
    bridge.answer('account.connectDemo', () => answer.promise);
    const onConnected = vi.fn();
    render(<ConnectView onConnected={onConnected} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try the demo account' }));
    expect(screen.getByRole('button', { name: 'Starting the demo…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
    await answer.settle(ok(CONNECTED));
    expect(onConnected).toHaveBeenCalledWith(CONNECTED);
  });
});

describe('Create API key, when Telnyx refuses a field', () => {
  it('offers Create without tags, which sends the same request without them, once', async () => {
    const refusal = later<KeyCreated>();
    bridge.answer('keys.create', (request) =>
      request.tags.length > 0 ? refusal.promise : ok(created({ requested: request })),
    );
    render(<CreateKeyDialog suggestions={[]} canDisableKeys={true} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Tags' }), 'zapier');
    await user.dblClick(screen.getByRole('button', { name: 'Create' }));
    expect(bridge.sent('keys.create')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeTruthy();
    await refusal.settle(failed('tags-refused', 'Telnyx refused these tags.'));
    expect(screen.getByRole('alert').textContent).toBe('Telnyx refused these tags.');
    await user.click(screen.getByRole('button', { name: 'Create without tags' }));
    expect(bridge.sent('keys.create').map((r) => r.tags)).toEqual([['zapier'], []]);
    const dialog = await screen.findByRole('dialog', { name: 'Key created' });
    expect(dialog.textContent).toContain('Created without the tags, as you chose. Requested: tags zapier.');
  });

  it('a custom date left empty is said in plain words and nothing is sent', async () => {
    render(<CreateKeyDialog suggestions={[]} canDisableKeys={true} onClose={() => {}} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Custom date' }));
    // The date field is `required`: jsdom, like Chromium, would stop the form; submit it as a script would.
    screen.getByLabelText('Expiration date').removeAttribute('required');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick the date the key should stop working.');
    expect(bridge.sent('keys.create')).toEqual([]);
  });
});

describe('Replace', () => {
  const OLD = keyView().id;
  function replaced(): KeyReplaced {
    return { created: created(), replacedId: OLD, clearsInSeconds: 30, canDisableOld: true };
  }

  it('a failed replacement keeps the dialog open with the reason; a second try goes through', async () => {
    let tries = 0;
    bridge.answer('keys.replace', () =>
      ++tries === 1 ? failed('unavailable', 'Telnyx did not answer.') : ok(replaced()),
    );
    const onClose = vi.fn();
    render(<ReplaceKeyDialog id={OLD} onClose={onClose} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create replacement' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Telnyx did not answer.');
    await user.click(screen.getByRole('button', { name: 'Create replacement' }));
    expect(await screen.findByText(/is on your clipboard for 30 s/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Done schedules the old key off once; a refusal stays in the dialog', async () => {
    bridge.answer('keys.replace', () => ok(replaced()));
    const answer = later<null>();
    bridge.answer('keys.scheduleDisable', () => answer.promise as never);
    const onClose = vi.fn();
    render(<ReplaceKeyDialog id={OLD} onClose={onClose} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create replacement' }));
    await user.dblClick(await screen.findByRole('button', { name: 'Done' }));
    expect(bridge.sent('keys.scheduleDisable')).toHaveLength(1);
    expect(bridge.sent('keys.scheduleDisable')[0]).toMatchObject({ id: OLD, when: 'in-24-hours' });
    await answer.settle(failed('rejected', 'Telnyx refused to schedule that.'));
    expect(screen.getByRole('alert').textContent).toBe('Telnyx refused to schedule that.');
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('Key created: Disable on «date»', () => {
  it('says why it could not plan the disable, then confirms when it could', async () => {
    const at = inDays(30);
    let tries = 0;
    bridge.answer('keys.planDisable', () =>
      ++tries === 1
        ? failed('internal', 'Keytray could not save that plan.')
        : ok(keyView({ disableAt: at })),
    );
    render(
      <CreatedOutcome
        created={created({ requested: { tags: [], expiresAt: at }, canDisableOnExpiry: true })}
        canDisableKeys={true}
      />,
    );
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: /^Disable on / });
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe('Keytray could not save that plan.');
    await user.click(button);
    expect((await screen.findByRole('status')).textContent).toMatch(/^Keytray turns this key off on /);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Copy inside a dialog (Forget, Disconnect, Quit)', () => {
  function Harness({ id }: { id: string }) {
    const copier = useCopyInDialog();
    return (
      <>
        {copier.status}
        {copier.problem && <p role="alert">{copier.problem}</p>}
        <button type="button" onClick={() => void copier.copy(id)}>
          Copy key
        </button>
      </>
    );
  }

  it('confirms the copy in the dialog, and says so plainly when it fails', async () => {
    const id = keyView().id;
    let tries = 0;
    bridge.answer('keys.copy', () =>
      ++tries === 1
        ? ok({ label: id, clearsInSeconds: 30 })
        : failed('not-found', 'Keytray no longer holds this full key.'),
    );
    render(<Harness id={id} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(screen.getByRole('status').textContent).toMatch(/^Copied .*; the clipboard clears in 30 s\.$/);
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(screen.getByRole('alert').textContent).toBe('Keytray no longer holds this full key.');
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
