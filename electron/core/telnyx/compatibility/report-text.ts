import { COMPATIBILITY_REPORT_TITLE } from '../../../common/compatibility-check.js';
import type { CheckedRoute, CompatibilityReport } from '../../../common/models.js';
import { KEY_FIELDS } from '../unverified.js';
import type { CheckOutcome } from './run-check.js';
import { KEY_FIELD_LABELS } from './learn-spellings.js';

/** Which Telnyx answered: the real API, a stand-in named by `TELNYX_BASE_URL` (its address left out), or the demo. */
export type CheckTarget = 'telnyx' | 'custom' | 'demo';

const TARGET_WORDS: Record<CheckTarget, string> = {
  telnyx: 'api.telnyx.com',
  custom: 'another address (TELNYX_BASE_URL)',
  demo: 'the demo account (simulated inside Keytray)',
};

/** `2026-03-02 10:00 UTC`: when the check ran (Keytray's clock, not anything Telnyx sent). */
const stamp = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function routeLines(route: CheckedRoute): string[] {
  const lines = [
    `${route.method} ${route.path}  (${route.documented ? 'documented' : 'guessed: not documented by Telnyx'})`,
    route.status === null ? `  ${route.answer}` : `  ${route.status}: ${route.answer}`,
  ];
  if (route.envelope.length > 0) {
    lines.push(`  answer: ${route.envelope.map((f) => `${f.name} (${f.type})`).join(', ')}`);
  } else if (route.status !== null && route.status < 300) {
    lines.push('  answer: empty, or not a JSON object');
  }
  if (route.recordAt !== null) {
    lines.push(`  ${route.recordAt}:`, ...route.fields.map((f) => `    ${f.name}: ${f.type}`));
  } else if (route.envelope.some((f) => f.name === 'data' && f.type === 'array (empty)')) {
    lines.push('  data: an empty list, so no record to look at');
  }
  if (route.meta.length > 0) lines.push('  meta:', ...route.meta.map((f) => `    ${f.name}: ${f.type}`));
  return lines;
}

/** Each key-record field and its spelling, in `KEY_FIELDS` order (null: not in the record looked at). */
export function learnedList(outcome: CheckOutcome): CompatibilityReport['learned'] {
  if (outcome.learned === null) return [];
  const { spellings } = outcome.learned;
  return KEY_FIELDS.map((field) => ({ field: KEY_FIELD_LABELS[field], spelling: spellings[field] ?? null }));
}

/**
 * The report as plain text a person can copy: a header saying what it holds, each request with its status and
 * field names and types, then the spelling of each key-record field (what Keytray learns). Stable: the same answers give the
 * same text, fields in name order.
 */
export function renderReport(
  outcome: CheckOutcome,
  context: { appVersion: string | null; checkedAt: Date; target: CheckTarget },
): string {
  const lines = [
    COMPATIBILITY_REPORT_TITLE,
    `Keytray ${context.appVersion ?? '(version unknown)'} · checked ${stamp(context.checkedAt)} · against ${TARGET_WORDS[context.target]}`,
    'It holds no value: no key, key id, secret, e-mail address, tag, date, name or amount.',
  ];
  for (const route of outcome.routes) lines.push('', ...routeLines(route));
  lines.push('');
  if (outcome.learned === null) {
    lines.push('Key record fields: no key list answered with a record, so Keytray reads them as before.');
  } else {
    lines.push(`Key record fields, as Telnyx spelled them (from ${outcome.learned.from}):`);
    for (const { field, spelling } of learnedList(outcome)) {
      lines.push(`  ${field}: ${spelling ?? 'not in the record looked at'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
