import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { KeyList, ROW_HEIGHT } from '../../../renderer/components/key-list.js';
import type { KeyActions, KeyPermissions } from '../../../renderer/components/key-row.js';
import { inDays, keyView, NOW } from './key-fixtures.js';

const permissions: KeyPermissions = {
  toggle: true,
  editTags: true,
  remove: true,
  connectedKeyId: 'KEY0190AB12CD34EF56AB78CD90EFCONNECT',
  accountKeyIds: ['KEY0190AB12CD34EF56AB78CD90EFCONNECT'],
  connectedUserId: null,
};
const actions = () =>
  Object.fromEntries(
    [
      'copy',
      'setEnabled',
      'editTags',
      'pin',
      'saveSecret',
      'changeSecret',
      'forgetSecret',
      'reveal',
      'remove',
      'replace',
      'renamePin',
      'rename',
      'scopes',
    ].map((name) => [name, vi.fn()]),
  ) as unknown as KeyActions & Record<string, ReturnType<typeof vi.fn>>;

function renderRows(keys: ReturnType<typeof keyView>[], horizonDays = 30, size?: number) {
  const spy = actions();
  render(
    <KeyList
      keys={keys}
      size={size}
      now={NOW}
      horizonDays={horizonDays}
      actions={spy}
      permissions={permissions}
      onLeaveTop={() => {}}
    />,
  );
  return spy;
}

describe('a key row', () => {
  it('says when Telnyx last saw the key used, and "unknown" where it did not say', () => {
    const used = keyView({ lastUsedAt: new Date(NOW.getTime() - 3 * 86_400_000).toISOString() });
    const never = keyView({ id: 'KEY0190AB12CD34EF56AB78CD90EF000002', lastUsedAt: null });
    const unknown = keyView({
      id: 'KEY0190AB12CD34EF56AB78CD90EF000003',
      lastUsedAt: null,
      unreadable: ['lastUsedAt'],
    });
    renderRows([used, never, unknown]);
    const [first, second, third] = screen.getAllByRole('listitem');
    expect(first?.getAttribute('aria-label')).toMatch(/, never expires, used 3 days ago$/);
    expect(within(first as HTMLElement).getByText('used 3 days ago')).toBeTruthy();
    expect(second?.getAttribute('aria-label')).toMatch(/, never expires, never used$/);
    expect(third?.getAttribute('aria-label')).toMatch(/, never expires, last use unknown$/);
    expect(within(third as HTMLElement).queryByText('never used')).toBeNull();
  });

  it('says the name first, then the id, status, expiry, last use, a readable user and every tag', () => {
    const key = keyView({
      name: 'Zapier',
      userEmail: 'operations.team.lead@example.com',
      tags: ['crm', 'production', 'eu-west', 'zapier'],
      expiresAt: inDays(5),
    });
    renderRows([key]);
    const row = screen.getByRole('listitem');
    expect(row.getAttribute('aria-label')).toBe(
      `Zapier, ${key.id}, Active, expires in 5 days, never used, user operations.team.lead@example.com, tags crm, production, eu-west, zapier`,
    );
    // For the eye: the name in bold, the whole e-mail on hover, each tag whole (title) even when it is cut.
    expect(within(row).getByText('Zapier').tagName).toBe('STRONG');
    expect(within(row).getByTitle('operations.team.lead@example.com')).toBeTruthy();
    for (const tag of key.tags) expect(within(row).getByTitle(tag).textContent).toBe(tag);
  });

  it('offers Rename… under More actions', async () => {
    const key = keyView();
    const spy = renderRows([key]);
    await userEvent.click(screen.getByRole('button', { name: `More actions ${key.id}` }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Rename…' }));
    expect(spy.rename).toHaveBeenCalledWith(key.id);
  });

  it('marks an expiry within the attention horizon, and only then', () => {
    renderRows([keyView({ expiresAt: inDays(20) })], 30);
    expect(screen.getByText('expires in 20 days').className).toContain('soon');
  });

  it('draws rows at the one row height the list scrolls by', () => {
    renderRows([keyView(), keyView()]);
    const list = screen.getByRole('list', { name: 'API keys' });
    expect(list.style.getPropertyValue('--row-height')).toBe(`${ROW_HEIGHT}px`);
    expect(list.style.height).toBe(`${2 * ROW_HEIGHT}px`);
    expect(screen.getAllByRole('listitem')[1]?.style.transform).toBe(`translateY(${ROW_HEIGHT}px)`);
  });

  it('while only the first screen is in, the list is as long as the whole list and says so', () => {
    renderRows([keyView(), keyView()], 30, 10_000);
    const list = screen.getByRole('list', { name: 'API keys' });
    expect(list.style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    for (const row of screen.getAllByRole('listitem')) expect(row.getAttribute('aria-setsize')).toBe('10000');
  });
});
