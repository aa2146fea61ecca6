import { join } from 'node:path';
import { app } from 'electron';
import { createFileSink } from '../core/logging/file-sink.js';
import { createLogger, stderrSink, type LogLine } from '../core/logging/logger.js';
import { Redactor } from '../core/logging/redact.js';
import type { Logger } from '../core/ports.js';

export type MainLog = {
  /** The file people are pointed to when a message says "details are in the log". */
  path: string;
  /** Where every logger of main writes: the rotating file and stderr. Lines arrive redacted. */
  sink: (line: LogLine) => void;
  /**
   * A redacting logger for main before the core exists (start-up, uncaught errors). It knows the secret
   * patterns but not the secrets the core remembers: once the core is composed, its logger is preferred.
   */
  logger: Logger;
};

/**
 * Main's log file, in the platform's log folder: `~/Library/Logs/Keytray` on macOS, `logs` inside the
 * user-data folder on Windows and Linux (Electron's `app.getPath('logs')`). Opened first thing, so even a
 * failure before the app is ready is written down.
 */
export function openMainLog(): MainLog {
  const file = createFileSink({ folder: logFolder(), alsoTo: stderrSink });
  return {
    path: file.path,
    sink: file.sink,
    logger: createLogger({ redactor: new Redactor(), sink: file.sink }),
  };
}

function logFolder(): string {
  try {
    return app.getPath('logs');
  } catch {
    // getPath throws when the platform has no answer; the user-data folder always exists for us.
    return join(app.getPath('userData'), 'logs');
  }
}

/** The sentence every "details are in the log" message ends with: where that log is. */
export function whereTheLogIs(path: string): string {
  return `Details are in Keytray's log file: ${path}`;
}
