import type { LogFields, Logger } from '../ports.js';
import type { Redactor } from './redact.js';

export type LogLine = { level: 'info' | 'warn' | 'error'; message: string; time: string };

/**
 * A logger whose every line goes through the redactor: message and fields are serialised first, then
 * redacted as one string, so a secret hidden in a nested field or an error's message is caught too.
 */
export function createLogger(options: {
  redactor: Redactor;
  sink: (line: LogLine) => void;
  now?: () => Date;
}): Logger {
  const { redactor, sink } = options;
  const now = options.now ?? (() => new Date());
  const write = (level: LogLine['level'], message: string, fields?: LogFields) => {
    const text = fields === undefined ? message : `${message} ${safeStringify(fields)}`;
    sink({ level, message: redactor.redact(text), time: now().toISOString() });
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

function safeStringify(fields: LogFields): string {
  try {
    return JSON.stringify(fields, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message } : value,
    );
  } catch {
    return '[unserialisable fields]';
  }
}

/** Lines to stderr, for the shells. */
export const stderrSink = (line: LogLine): void => {
  process.stderr.write(`${line.time} ${line.level} ${line.message}\n`);
};
