import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs Electronegativity over electron/ and fails on any medium or high finding that electronegativity.json
 * does not accept with a written reason. Low findings are printed, not failed.
 */
const root = join(import.meta.dirname, '..');
const report = join(mkdtempSync(join(tmpdir(), 'keytray-eneg-')), 'report.csv');
const run = spawnSync(
  'npx',
  ['electronegativity', '-i', join(root, 'electron'), '-r', '-v', 'false', '-e', '45.5.0', '-o', report],
  {
    encoding: 'utf8',
  },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const { accepted } = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8')) as {
  accepted: Record<string, string>;
};
/** One CSV line into fields; quoted fields may hold commas (the sample column often does). */
const fields = (line: string): string[] =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) =>
    (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'),
  );
const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
let failures = 0;
for (const row of rows) {
  const [id, severity, confidence, file] = fields(row);
  const key = `${id}@${file}`;
  const serious = severity === 'MEDIUM' || severity === 'HIGH';
  const reason = accepted[key];
  if (serious && !reason) failures++;
  console.log(
    `${serious && !reason ? '✘' : '·'} ${severity}/${confidence} ${key}${reason ? ` — accepted: ${reason}` : ''}`,
  );
}
console.log(`electronegativity: ${rows.length} finding(s), ${failures} medium/high without a written reason`);
process.exit(failures > 0 ? 1 : 0);
