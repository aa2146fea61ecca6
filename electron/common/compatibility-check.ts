/**
 * "Check Telnyx compatibility": what it sends and what its report holds, in the words the popup shows before
 * the person runs it and `npm run check-telnyx` prints before it sends anything. The core's check
 * (`electron/core/telnyx/compatibility/`) sends exactly `COMPATIBILITY_CHECK_REQUESTS`; a test holds the two
 * together.
 */

/** The first line of every report: what it is and what it holds. */
export const COMPATIBILITY_REPORT_TITLE = 'Keytray Telnyx compatibility report — field names and types only';

/** Every request the check sends, in order: all reads, three documented by Telnyx and one guessed. */
export const COMPATIBILITY_CHECK_REQUESTS = [
  { request: 'GET /v2/balance', documented: true },
  { request: 'GET /v2/iam/api_keys?page[size]=1', documented: true },
  { request: 'GET /v2/organizations/users?page[size]=1', documented: true },
  { request: 'GET /v2/api_keys?page[size]=1', documented: false },
] as const;

const sendsAndHolds = (whichKey: string) =>
  [
    `The check sends these ${COMPATIBILITY_CHECK_REQUESTS.length} read-only requests to Telnyx with ${whichKey}, and changes nothing:`,
    ...COMPATIBILITY_CHECK_REQUESTS.map(
      (r) => `  ${r.request}${r.documented ? '' : '  (a route Telnyx has not documented)'}`,
    ),
    'The report lists, for each request, the HTTP status Telnyx answered with (or that it did not answer) and,',
    'for answers that carry records, the names of the fields in the first record (and one level inside it) and',
    'in the page information, each with its JSON type: string, number, boolean, null, array or object.',
    'It never contains a value: no key, key id, secret, e-mail address, tag, date, name or amount.',
    'Keytray sends the report nowhere; copy it if you want to share it.',
  ].join('\n');

/** Shown in Settings before the check runs. */
export const COMPATIBILITY_CHECK_DISCLOSURE = [
  sendsAndHolds('the connected key'),
  'Keytray remembers which field names Telnyx used for this account and reads your keys with them from the',
  'next sync on.',
].join('\n');

/** Printed by `npm run check-telnyx` before it sends anything: it stores nothing. */
export const COMPATIBILITY_CHECK_CLI_DISCLOSURE = [
  sendsAndHolds('the key you give it'),
  'This command stores nothing and never prints the key.',
].join('\n');
