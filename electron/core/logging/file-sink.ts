import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogLine } from './logger.js';

export const LOG_FILE_NAME = 'main.log';

/**
 * A log file that stays small: lines are appended to `main.log`; when the next line would take it past
 * `maxBytes`, `main.log` becomes `main.1.log`, `main.1.log` becomes `main.2.log`, … and the oldest beyond
 * `keep` is dropped. Plain Node, so any shell can use it.
 *
 * It receives lines the logger has already redacted (see logger.ts): redaction happens once, before any
 * sink. Writes are synchronous on purpose: a crash during start-up must still leave its line on disk, and
 * Keytray logs a few lines a minute at most. A log that cannot be written never takes the app down: the line
 * still goes to `alsoTo` (stderr).
 */
export function createFileSink(options: {
  folder: string;
  maxBytes?: number;
  keep?: number;
  /** Each line also goes here (stderr in the shells), whether or not the file took it. */
  alsoTo?: (line: LogLine) => void;
}): { path: string; sink: (line: LogLine) => void } {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 3;
  const path = join(options.folder, LOG_FILE_NAME);
  const older = (n: number) => join(options.folder, `main.${n}.log`);
  let size: number | null = null;

  const rotate = () => {
    rmSync(older(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) renameIfThere(older(n), older(n + 1));
    renameIfThere(path, older(1));
    size = 0;
  };

  return {
    path,
    sink(line) {
      // One entry per line: a message that carries a line break cannot forge a second entry.
      const text = `${line.time} ${line.level} ${line.message.replace(/\r?\n|\r/g, '\\n')}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size === null) {
          mkdirSync(options.folder, { recursive: true, mode: 0o700 });
          size = sizeOf(path);
        }
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(path, text, { mode: 0o600 });
        size += bytes;
      } catch {
        size = null;
      }
      options.alsoTo?.(line);
    },
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function renameIfThere(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
