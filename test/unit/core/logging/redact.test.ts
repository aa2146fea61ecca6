import { describe, expect, it } from 'vitest';
import { createLogger, type LogLine } from '../../../../electron/core/logging/logger.js';
import { Redactor } from '../../../../electron/core/logging/redact.js';

const KEY = 'KEY0190AB12CD34EF56AB78CD90EF12AB34_abc_DEF-ghijklmnopqrs';

describe('redaction at the logger', () => {
  it('keeps key ids and drops secrets, headers and remembered tokens, even inside fields and errors', () => {
    const redactor = new Redactor();
    redactor.remember('v1TokenWithNoShape123');
    const lines: LogLine[] = [];
    const logger = createLogger({ redactor, sink: (l) => lines.push(l) });
    logger.error(`failed with ${KEY}`, {
      headers: { authorization: `Bearer ${KEY}`, 'x-api-token': 'v1TokenWithNoShape123' },
      error: new Error(`boom ${KEY}`),
      curl: 'curl -H "x-api-token: anotherSecretValue99"',
    });
    const text = lines.map((l) => l.message).join('\n');
    expect(text).toContain('KEY0190AB12CD34EF56AB78CD90EF12AB34_[redacted]');
    expect(text).not.toMatch(/abc_DEF|v1TokenWithNoShape123|anotherSecretValue99/);
  });

  it('recognises text that holds a secret, for the settings-file guard', () => {
    const redactor = new Redactor();
    expect(redactor.containsSecret(`{"x":"${KEY}"}`)).toBe(true);
    expect(redactor.containsSecret('{"id":"KEY0190AB12CD34EF56AB78CD90EF12AB34"}')).toBe(false);
    redactor.remember('plain-token-value');
    expect(redactor.containsSecret('{"t":"plain-token-value"}')).toBe(true);
  });
});
