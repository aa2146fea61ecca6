import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { DROPPED, type Simulator } from '../../electron/core/telnyx/simulator/index.js';
import { connectWith, expect, idOf, liveRegion, openPopup, test } from './fixtures.js';

/**
 * The popup against the least Telnyx's documentation allows (`docs-minimal`): other field names, `tags: null`,
 * user ids without e-mails, 204 answers to on/off, a create that ignores tags and expiry and answers only the
 * secret, `/v2/balance` answering 422, no IAM routes for a key that is not the owner's. Nothing the popup says
 * may rest on a guess: never "no tags" or "never expires" for what Telnyx did not say, never "Telnyx does not
 * know that key" for a key it accepted.
 */
test.use({ simulatorOptions: { keyCount: 30, profile: 'docs-minimal' } });

/** Sentences that would be false here, whatever screen shows them. */
const NEVER_HERE = [/Telnyx does not know that key/i, /Only the organization owner/i];
/** Sentences that would be a guess about a key Telnyx said nothing about (its tags, its expiry). */
const NEVER_ON_A_GUESS = [/no tags/i, /never expires/i];

/**
 * Screenshots for people to look at (light and dark, at the popup's own size), written only when
 * `KEYTRAY_SHOTS_DIR` names a folder: `KEYTRAY_SHOTS_DIR=/tmp/shots/docs-minimal npx playwright test …`.
 */
async function shoot(desktop: Page, name: string) {
  const folder = process.env['KEYTRAY_SHOTS_DIR'];
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const frame = desktop.getByTitle('Keytray popup');
  for (const scheme of ['light', 'dark'] as const) {
    await desktop.emulateMedia({ colorScheme: scheme });
    await frame.screenshot({ path: join(folder, `${name}-${scheme}.png`), animations: 'disabled' });
  }
  await desktop.emulateMedia({ colorScheme: 'light' });
}

/** axe-core on the popup: the screens only this profile shows pass as the others do (accessibility.spec). */
async function expectAccessible(desktop: Page, screen: string) {
  const results = await new AxeBuilder({ page: desktop }).include('iframe[title="Keytray popup"]').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );
}

async function expectNone(scope: ReturnType<FrameLocator['locator']>, sentences: RegExp[]) {
  for (const sentence of sentences) await expect(scope).not.toContainText(sentence);
}

const row = (popup: FrameLocator, id: string) =>
  popup
    .getByRole('list', { name: 'API keys' })
    .getByRole('listitem')
    .filter({ has: popup.getByRole('button', { name: `Pin ${id}` }) });

/** The list is virtualised: search for the id so its row is drawn. */
async function findRow(popup: FrameLocator, id: string) {
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id.toLowerCase());
  await expect(row(popup, id)).toBeVisible();
  return row(popup, id);
}

/** A day as the popup writes it, in the popup's own calendar and language. */
async function dayInPopup(desktop: Page, at: Date): Promise<string> {
  const frame = desktop.frame({ url: /\/popup\// });
  if (!frame) throw new Error('the popup frame is not loaded');
  return frame.evaluate(
    (iso) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }),
    at.toISOString(),
  );
}

/**
 * Telnyx's key records rewritten on their way out, as a real account might send them: the simulator answers,
 * then `edit` changes each record of `/v2/iam/api_keys` (the list, and the answers about one key).
 */
function rewriteKeyRecords(simulator: Simulator, edit: (record: Record<string, unknown>) => void) {
  const handle = simulator.handle;
  simulator.handle = async (request, signal) => {
    const answer = await handle(request, signal);
    if (answer === DROPPED || answer.status !== 200) return answer;
    if (!new URL(request.url).pathname.startsWith('/v2/iam/api_keys')) return answer;
    const body = (await answer.json()) as { data: unknown };
    const records = Array.isArray(body.data) ? body.data : [body.data];
    for (const record of records) edit(record as Record<string, unknown>);
    return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
  };
}

test('connect, list, create (Telnyx ignores the tags and expiry), disable on the date, toggle', async ({
  desktop,
  popup,
  simulator,
  preview,
  clock,
}) => {
  test.setTimeout(90_000);
  await openPopup(desktop);
  await expect(popup.getByLabel('Telnyx API key')).toBeVisible();
  await shoot(desktop, '1-connect');

  // `/v2/balance` answers 422 here: the key was accepted, so connect goes on.
  await connectWith(desktop, popup, simulator.ownerKey);
  const body = popup.locator('body');
  await expectNone(body, NEVER_HERE);
  // Records carry a user id only: the e-mails come from the organization's user list.
  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill('dev@example.com');
  await expect(popup.getByRole('list', { name: 'API keys' }).getByRole('listitem')).toHaveCount(
    simulator.state.keys.filter((k) => k.userId === 'user-dev').length,
  );
  await search.fill('');
  await shoot(desktop, '2-list');

  // Create, with tags and a 30-day expiry, which this Telnyx ignores.
  await popup.getByRole('button', { name: 'Create key' }).click();
  const form = popup.getByRole('dialog', { name: 'Create API key' });
  const tags = form.getByRole('textbox', { name: 'Tags' });
  await tags.fill('billing');
  await tags.press('Enter');
  await tags.fill('sms');
  await tags.press('Enter');
  await form.getByRole('radio', { name: '30 days' }).check();
  await shoot(desktop, '3-create');
  await form.getByRole('button', { name: 'Create', exact: true }).click();

  const created = popup.getByRole('dialog', { name: 'Key created' });
  const issued = await expect
    .poll(() => simulator.state.issued[0])
    .toBeDefined()
    .then(() => simulator.state.issued[0]);
  const id = issued?.id ?? 'missing';
  await expect(created).toContainText(id);
  const day = await dayInPopup(desktop, clock.daysOn(30));
  await expect(created).toContainText('Telnyx did not apply the tags and the expiry date you asked for.');
  await expect(created).toContainText(`Requested: tags billing, sms; expiry ${day}.`);
  await expect(created.getByRole('link', { name: 'Check the key in the Telnyx portal' })).toBeVisible();
  await expectNone(created, [...NEVER_HERE, ...NEVER_ON_A_GUESS]);
  await shoot(desktop, '4-key-created');
  await expectAccessible(desktop, 'Key created, tags and expiry not applied');

  await created.getByRole('button', { name: `Disable on ${day}` }).click();
  await expect(created.getByRole('status')).toHaveText(
    `Keytray turns this key off on ${day}. This works only while Keytray is running (or the next time it starts).`,
  );
  await expect(created.getByRole('button', { name: /^Disable on / })).toHaveCount(0);
  await shoot(desktop, '5-disable-planned');
  await created.getByRole('button', { name: 'Done' }).click();
  const newRow = await findRow(popup, id);
  await expect(newRow).toContainText('disabled in 30 days');
  await shoot(desktop, '5b-new-key-row');
  await search.fill('');

  // Toggle: on/off answer 204 with no body here, and still count as done.
  const target = simulator.state.keys.find(
    (k) =>
      k.status === 'active' &&
      k.expiresAt === null &&
      k.value !== simulator.ownerKey &&
      k.userId !== 'user-gone' &&
      k.id !== id,
  );
  const targetId = target?.id ?? '';
  const toggleRow = await findRow(popup, targetId);
  const toggle = toggleRow.getByRole('switch', { name: `Enabled ${targetId}` });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(liveRegion(popup)).toHaveText(`Key disabled: ${targetId}`, {
    // Sent once the 5 s Undo window has passed (usability-feedback-safety.spec).
    timeout: 10_000,
  });
  expect(simulator.state.keys.find((k) => k.id === targetId)?.status).toBe('inactive');
  await shoot(desktop, '6-toggle');
  await popup.getByRole('button', { name: 'Sync' }).click();
  await expect(toggleRow).toContainText('Disabled');
  await expectNone(body, NEVER_HERE);

  // On the day asked for, Keytray turns the new key off itself.
  expect(simulator.state.keys.find((k) => k.id === id)?.status).toBe('active');
  await preview.moveClock({ now: new Date(clock.daysOn(30).getTime() + 60_000).toISOString() });
  await expect.poll(() => simulator.state.keys.find((k) => k.id === id)?.status).toBe('inactive');
});

test('a key without the organization key list says what it cannot do, and still connects', async ({
  desktop,
  popup,
  simulator,
}) => {
  await connectWith(desktop, popup, simulator.memberKey);
  await expect(
    popup.getByText(
      "With this key, Keytray can't turn keys on or off: Telnyx doesn't show it the organization's keys.",
    ),
  ).toBeVisible();
  await expect(popup.getByRole('link', { name: 'Do it in the Telnyx portal' })).toBeVisible();
  await expect(popup.getByRole('switch')).toHaveCount(0);
  await expectNone(popup.locator('body'), NEVER_HERE);
  // Its own keys, all it sees: Telnyx names their user by id only, and that user is this key's own.
  await expect(popup.getByRole('list', { name: 'API keys' })).not.toContainText('a member');
  await shoot(desktop, '7-list-without-organization-list');
});

test('what a record leaves unsaid is shown as unknown: status word, expiry, tags, user', async ({
  desktop,
  popup,
  simulator,
}) => {
  const others = simulator.state.keys.filter(
    (k) =>
      k.status === 'active' &&
      k.expiresAt === null &&
      k.value !== simulator.ownerKey &&
      k.userId !== 'user-gone',
  );
  const [revoked, noExpiry, oddTags, stranger] = others.map((k) => k.id);
  if (!revoked || !noExpiry || !oddTags || !stranger) throw new Error('the simulator has too few plain keys');
  rewriteKeyRecords(simulator, (record) => {
    if (record['id'] === revoked) record['status'] = 'revoked-by-admin';
    if (record['id'] === noExpiry) delete record['expiration'];
    if (record['id'] === oddTags) record['tags'] = 'billing';
    if (record['id'] === stranger) record['user_id'] = 'user-not-in-this-organization';
  });
  await connectWith(desktop, popup, simulator.ownerKey);

  // 1. A status word Keytray does not know: said with Telnyx's word, and the key is shown neither on nor off.
  const revokedRow = await findRow(popup, revoked);
  await expect(revokedRow).toHaveAttribute('aria-label', /, Status unknown \("revoked-by-admin"\),/);
  await expect(revokedRow).toContainText('Status unknown');
  await expect(revokedRow).toContainText('Telnyx says "revoked-by-admin"');
  await expect(revokedRow.getByRole('switch')).toHaveCount(0);
  await expect(revokedRow).not.toContainText(/Active|Disabled/);
  await shoot(desktop, '8-status-unknown');
  await expectAccessible(desktop, 'A key of unknown status');
  await revokedRow.getByRole('button', { name: `More actions ${revoked}` }).click();
  await popup.getByRole('menuitem', { name: 'Disable', exact: true }).click();
  await expect(liveRegion(popup)).toHaveText(`Key disabled: ${revoked}`, {
    // Sent once the 5 s Undo window has passed (usability-feedback-safety.spec).
    timeout: 10_000,
  });
  expect(simulator.state.keys.find((k) => k.id === revoked)?.status).toBe('inactive');

  // 2. An expiry Telnyx left out, tags of a shape Keytray cannot read: unknown, never "none".
  const noExpiryRow = await findRow(popup, noExpiry);
  await expect(noExpiryRow).toContainText('expiry unknown');
  await expectNone(noExpiryRow, NEVER_ON_A_GUESS);
  const oddTagsRow = await findRow(popup, oddTags);
  await expect(oddTagsRow).toContainText('tags unknown');
  await expect(oddTagsRow).toHaveAttribute('aria-label', /, tags unknown$/);

  // 3. A user id with no e-mail to be found: "a member", not nobody.
  const strangerRow = await findRow(popup, stranger);
  await expect(strangerRow).toContainText('a member');
});

test('Telnyx refuses the tags, then the expiry: each left off by one deliberate click, never retried alone', async ({
  desktop,
  popup,
  simulator,
  clock,
}) => {
  const creates = () => simulator.log.filter((r) => r.method === 'POST' && r.path === '/api_keys').length;
  const refuse = (pointer: string) =>
    simulator.faults.add({ kind: 'status', status: 422, pointer, method: 'POST', path: '/api_keys' });
  await connectWith(desktop, popup, simulator.ownerKey);
  refuse('/tags');
  await popup.getByRole('button', { name: 'Create key' }).click();
  const form = popup.getByRole('dialog', { name: 'Create API key' });
  await form.getByRole('textbox', { name: 'Tags' }).fill('billing');
  await form.getByRole('textbox', { name: 'Tags' }).press('Enter');
  await form.getByRole('radio', { name: '30 days' }).check();
  await form.getByRole('button', { name: 'Create', exact: true }).click();

  await expect(form.getByRole('alert')).toHaveText(
    /^Telnyx did not accept tags on a new key, so no key was created/,
  );
  expect(creates()).toBe(1);
  expect(simulator.state.issued).toHaveLength(0);
  await shoot(desktop, '9-tags-refused');
  refuse('/expires_at');
  await form.getByRole('button', { name: 'Create without tags' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^Telnyx did not accept an expiry date on a new key/);
  await expect(form.getByRole('button', { name: 'Create without tags' })).toHaveCount(0);
  expect(creates()).toBe(2);
  await form.getByRole('button', { name: 'Create without expiry' }).click();

  const created = popup.getByRole('dialog', { name: 'Key created' });
  const day = await dayInPopup(desktop, clock.daysOn(30));
  await expect(created).toContainText(
    `Created without the tags and the expiry date, as you chose. Requested: tags billing; expiry ${day}.`,
  );
  expect(creates()).toBe(3);
  await expectNone(created, [...NEVER_HERE, ...NEVER_ON_A_GUESS]);
  await created.getByRole('button', { name: `Disable on ${day}` }).click();
  await expect(created.getByRole('status')).toHaveText(
    `Keytray turns this key off on ${day}. This works only while Keytray is running (or the next time it starts).`,
  );
  await shoot(desktop, '10-created-without-expiry');
});

test('a replacement says what Telnyx did not apply to the new key, and offers its expiry date', async ({
  desktop,
  popup,
  simulator,
}) => {
  const old = simulator.state.keys.find(
    (k) =>
      k.status === 'active' &&
      k.tags.length > 0 &&
      k.expiresAt !== null &&
      Date.parse(k.expiresAt) > Date.parse(k.createdAt) &&
      k.value !== simulator.ownerKey &&
      k.userId !== 'user-gone',
  );
  if (!old) throw new Error('the simulator has no tagged key with an expiry to replace');
  await connectWith(desktop, popup, simulator.ownerKey);
  await (await findRow(popup, old.id)).getByRole('button', { name: `More actions ${old.id}` }).click();
  await popup.getByRole('menuitem', { name: 'Replace key…' }).click();
  const dialog = popup.getByRole('dialog', { name: `Replace ${old.id}` });
  await dialog.getByRole('button', { name: 'Create replacement' }).click();
  await expect(dialog).toContainText('Telnyx did not apply the tags and the expiry date you asked for.');
  await expect(dialog).toContainText(`Requested: tags ${old.tags.join(', ')}; expiry`);
  await expect(dialog.getByRole('button', { name: /^Disable on / })).toBeVisible();
  await expectNone(dialog, [...NEVER_HERE, ...NEVER_ON_A_GUESS]);
  await shoot(desktop, '11-replaced');
});

test('Copy as curl command copies no key: it reads $TELNYX_API_KEY, which Environment variable sets', async ({
  desktop,
  popup,
  simulator,
  preview,
}) => {
  await connectWith(desktop, popup, simulator.ownerKey);
  const id = idOf(simulator.ownerKey);
  await popup.getByRole('searchbox', { name: 'Search' }).fill(id);
  await popup.getByRole('button', { name: `More actions ${id}` }).click();
  await popup.getByRole('menuitem', { name: 'Copy as…' }).click();
  const formats = popup.getByRole('menu', { name: 'Copy as…' }).getByRole('menuitem');
  await expect(formats).toHaveText([
    '‹ Back',
    'Environment variable',
    'Authorization header',
    'curl command (reads $TELNYX_API_KEY)',
  ]);
  await popup.getByRole('menuitem', { name: 'curl command (reads $TELNYX_API_KEY)' }).click();
  await expect
    .poll(() => preview.clipboard())
    .toBe('curl -H "Authorization: Bearer $TELNYX_API_KEY" https://api.telnyx.com/v2/balance');
  await expect(liveRegion(popup)).toHaveText(
    `Copied ${id} as a curl command; it reads $TELNYX_API_KEY, which Copy as… Environment variable sets — clipboard clears in 30 s`,
  );
});
