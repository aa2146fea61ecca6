import AxeBuilder from '@axe-core/playwright';
import {
  COMPATIBILITY_CHECK_REQUESTS,
  COMPATIBILITY_REPORT_TITLE,
} from '../../electron/common/compatibility-check.js';
import { connectWith, expect, idOf, test } from './fixtures.js';

for (const profile of ['guessed', 'docs-minimal'] as const) {
  test.describe(`Check Telnyx compatibility (${profile} simulator)`, () => {
    test.use({ simulatorOptions: { keyCount: 30, ...(profile === 'docs-minimal' ? { profile } : {}) } });

    test('says what it sends before it sends anything, then shows a report of names and types only that Copy report copies', async ({
      desktop,
      popup,
      simulator,
      preview,
    }) => {
      await connectWith(desktop, popup, simulator.ownerKey);
      await popup.getByRole('button', { name: 'Settings' }).click();
      await popup.getByRole('button', { name: 'Check Telnyx compatibility' }).click();
      const dialog = popup.getByRole('dialog', { name: 'Check Telnyx compatibility' });
      const before = simulator.log.length;
      for (const { request } of COMPATIBILITY_CHECK_REQUESTS) await expect(dialog).toContainText(request);
      await expect(dialog).toContainText('It never contains a value');
      expect(simulator.log.length).toBe(before);

      await dialog.getByRole('button', { name: 'Run the check' }).click();
      const report = dialog.getByLabel('Report');
      await expect(report).toContainText(COMPATIBILITY_REPORT_TITLE);
      expect(simulator.log.slice(before).every((entry) => entry.method === 'GET')).toBe(true);
      expect(simulator.log.length - before).toBe(COMPATIBILITY_CHECK_REQUESTS.length);
      const text = (await report.textContent()) ?? '';
      for (const key of simulator.state.keys) {
        expect(text).not.toContain(key.id);
        for (const tag of key.tags) expect(text).not.toMatch(new RegExp(`\\b${tag}\\b`));
      }
      for (const user of simulator.state.users) expect(text).not.toContain(user.email);
      expect(text).not.toContain(idOf(simulator.ownerKey));

      const axe = await new AxeBuilder({ page: desktop }).include('iframe[title="Keytray popup"]').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      // For people to look at: `KEYTRAY_SHOTS_DIR=/tmp/shots npx playwright test compatibility`.
      const shots = process.env['KEYTRAY_SHOTS_DIR'];
      if (shots) {
        for (const scheme of ['light', 'dark'] as const) {
          await desktop.emulateMedia({ colorScheme: scheme });
          await desktop
            .getByTitle('Keytray popup')
            .screenshot({ path: `${shots}/compatibility-${profile}-${scheme}.png` });
        }
      }

      await dialog.getByRole('button', { name: 'Copy report' }).click();
      await expect(dialog.getByRole('status')).toHaveText('Report copied.');
      expect(await preview.clipboard()).toBe(text);
    });
  });
}
