import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { COMPATIBILITY_CHECK_CLI_DISCLOSURE } from '../electron/common/compatibility-check.js';
import { parseKeyValue } from '../electron/common/key-id.js';
import { createLogger, stderrSink } from '../electron/core/logging/logger.js';
import { Redactor } from '../electron/core/logging/redact.js';
import { createTelnyxClient, resolveBaseUrl, TELNYX_BASE_URL } from '../electron/core/telnyx/client.js';
import { checkTelnyxCompatibility } from '../electron/core/telnyx/compatibility/check-compatibility.js';

/**
 * `npm run check-telnyx`: "Check Telnyx compatibility" without the app (for the preview, or with no desktop at
 * all). It reads the key from `TELNYX_API_KEY` (the variable Telnyx's SDKs read) or asks for it with echo off,
 * sends only the check's GETs to `TELNYX_BASE_URL` (same rules as the app: https, or http to this computer
 * only) or api.telnyx.com, and prints the report — field names and types only — on stdout. What it will send
 * goes to stderr first, so `npm run -s check-telnyx > report.txt` holds the report alone. Never prints the key,
 * stores nothing. Exit: 0 report printed; 1 report printed but Telnyx refused the key; 2 nothing sent.
 */

const say = (text: string) => process.stderr.write(`${text}\n`);

/** A line from stdin: typed with echo off on a terminal, or the first line of a pipe. */
async function readKey(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input, terminal: false });
    for await (const line of lines) {
      lines.close();
      return line.trim();
    }
    return '';
  }
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(typed.trim());
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') {
          input.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

async function main(): Promise<number> {
  let baseUrl: string;
  try {
    baseUrl = resolveBaseUrl(process.env, false);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 2;
  }
  say(COMPATIBILITY_CHECK_CLI_DISCLOSURE);
  say(`Telnyx API: ${baseUrl}\n`);

  const apiKey = process.env['TELNYX_API_KEY']?.trim() || (await readKey('Telnyx API key (not shown): '));
  if (!apiKey) {
    say('No key given: set TELNYX_API_KEY or type the key when asked. Nothing was sent.');
    return 2;
  }
  if (!parseKeyValue(apiKey)) {
    say(
      'That does not look like a Telnyx API key (KEY…_…); copy it again from the portal. Nothing was sent.',
    );
    return 2;
  }
  const redactor = new Redactor();
  redactor.remember(apiKey);
  const client = createTelnyxClient({
    fetch: (input, init) => fetch(input, init),
    baseUrl,
    apiKey,
    logger: createLogger({ redactor, sink: stderrSink }),
    now: () => new Date(),
  });
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  const { report } = await checkTelnyxCompatibility(client, {
    appVersion: version ?? null,
    now: () => new Date(),
    target: baseUrl === TELNYX_BASE_URL ? 'telnyx' : 'custom',
  });
  process.stdout.write(report.text);
  if (report.routes.some((route) => route.status === 401)) {
    say('Telnyx refused that key: it may be mistyped, disabled, expired or revoked.');
    return 1;
  }
  return 0;
}

process.exitCode = await main();
