import type { CompatibilityReport } from '../../../common/models.js';
import type { TelnyxClient } from '../client.js';
import type { LearnedSpellings } from '../unverified.js';
import { learnedList, renderReport, type CheckTarget } from './report-text.js';
import { runCompatibilityCheck } from './run-check.js';

export type { CheckTarget } from './report-text.js';

/**
 * "Check Telnyx compatibility" end to end, for the app and for `npm run check-telnyx`: the reads, the report
 * (text and data), and the key-record spellings to remember (null when no key list answered with a record).
 */
export async function checkTelnyxCompatibility(
  client: Pick<TelnyxClient, 'readRaw'>,
  context: { appVersion: string | null; now: () => Date; target: CheckTarget },
): Promise<{ report: CompatibilityReport; learned: LearnedSpellings | null }> {
  const outcome = await runCompatibilityCheck(client);
  const text = renderReport(outcome, { ...context, checkedAt: context.now() });
  return {
    report: { text, routes: outcome.routes, learned: learnedList(outcome) },
    learned: outcome.learned?.spellings ?? null,
  };
}
