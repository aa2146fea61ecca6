import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** An ISO instant with only characters every file system accepts: `2026-05-01T10-20-30-123Z`. */
export function fileSafeTime(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** `<file>.<tag>-<time>`, with `-2`, `-3` … when that name is taken (two in the same millisecond). */
function freeName(file: string, tag: string, now: Date): string {
  const base = `${file}.${tag}-${fileSafeTime(now)}`;
  let candidate = base;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * Moves a file Keytray cannot read out of the way, keeping its bytes: it is never deleted, because it may be
 * the only record of someone's pins, tokens and reminders, and a person (or support) can still recover it.
 * Returns the new path.
 */
export function moveAside(file: string, tag: string, now: Date): string {
  const target = freeName(file, tag, now);
  renameSync(file, target);
  return target;
}

/**
 * Copies a file before Keytray changes it, when the change could lose something (a repair, a migration, a
 * newer build's file). Owner-only like the file itself. When a copy with the same tag and the same bytes
 * exists already, that copy is returned instead of making another, so restarts do not pile up copies.
 */
export function copyAside(file: string, tag: string, now: Date): { path: string; made: boolean } {
  const bytes = readFileSync(file);
  const prefix = `${basename(file)}.${tag}-`;
  for (const entry of readdirSync(dirname(file))) {
    if (!entry.startsWith(prefix)) continue;
    const existing = join(dirname(file), entry);
    if (readFileSync(existing).equals(bytes)) return { path: existing, made: false };
  }
  const target = freeName(file, tag, now);
  copyFileSync(file, target, constants.COPYFILE_EXCL);
  chmodSync(target, 0o600);
  return { path: target, made: true };
}
