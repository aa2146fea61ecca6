import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { isPlainObject } from './document-path.js';
import { salvage } from './salvage.js';

/**
 * Upgrades a stored document by one version. Pure, over `unknown`: it gets its own copy of whatever the file
 * held (which may be damaged), returns the next version's shape, and leaves what it does not recognise for
 * the schema's salvage to judge rather than throwing. A migration that changes what a field means must also
 * change its name or shape: an older build keeps fields whose shape it still accepts (see `mergeIntoNewer`).
 */
export type Migration = (document: unknown) => unknown;

/**
 * The upgrades, either keyed by the version they upgrade FROM (`{ 1: v1ToV2, 2: v2ToV3 }`) or as a list in
 * order from version 1 (`[v1ToV2, v2ToV3]`: index N takes version N + 1 to N + 2).
 */
export type Migrations = readonly Migration[] | Readonly<Record<number, Migration>>;

/** The upgrade from version `from` to `from + 1`, whichever form the migrations come in. */
function migrationFrom(migrations: Migrations, from: number): Migration | undefined {
  const migration: unknown = Array.isArray(migrations)
    ? migrations[from - 1]
    : (migrations as Record<number, Migration>)[from];
  return typeof migration === 'function' ? (migration as Migration) : undefined;
}

/** What a document is and how it changes: the schema of the current version, its defaults, the upgrades. */
export interface DocumentSpec<T> {
  schema: z.ZodType<T>;
  defaults: T;
  /** The version this build writes. Files written before versions existed count as version 1. */
  version: number;
  migrations: Migrations;
}

/**
 * What a stored file holds, once read:
 * - `current`: a document of this version or an older one (migrated), with any invalid parts dropped;
 *   `fresh` when there was no document yet;
 * - `newer`: written by a newer build; `value` is what this build can use, `raw` is the document as stored;
 * - `unreadable`: nothing usable (not an object, a broken version, a migration that threw).
 */
export type DecodedDocument<T> =
  | { kind: 'current'; value: T; dropped: string[]; migratedFrom: number | null; fresh: boolean }
  | { kind: 'newer'; value: T; raw: unknown; storedVersion: number; dropped: string[] }
  | { kind: 'unreadable'; reason: string };

/** The version a file claims; absent (files from before versions) means 1; anything else is not a version. */
function storedVersionOf(stored: Record<string, unknown>): number | null {
  const version = stored['version'] ?? 1;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 1 ? version : null;
}

/** A build that cannot upgrade every older file is a programming error: fail at start, not on someone's file. */
export function checkSpec(spec: Pick<DocumentSpec<unknown>, 'version' | 'migrations'>, file: string): void {
  if (!Number.isSafeInteger(spec.version) || spec.version < 1) {
    throw new Error(`${file}: the document version must be a whole number from 1`);
  }
  for (let from = 1; from < spec.version; from++) {
    if (!migrationFrom(spec.migrations, from)) {
      throw new Error(`${file}: no migration from version ${from} to ${from + 1}`);
    }
  }
}

/** Reads `{ version, document }` as stored: migrate to this version, then keep what the schema accepts. */
export function decodeStoredDocument<T>(stored: unknown, spec: DocumentSpec<T>): DecodedDocument<T> {
  if (!isPlainObject(stored)) return { kind: 'unreadable', reason: 'not an object' };
  const storedVersion = storedVersionOf(stored);
  if (storedVersion === null) return { kind: 'unreadable', reason: 'version is not a whole number' };
  if (!Object.hasOwn(stored, 'document')) {
    return {
      kind: 'current',
      value: structuredClone(spec.defaults),
      dropped: [],
      migratedFrom: null,
      fresh: true,
    };
  }
  const raw = stored['document'];
  if (storedVersion > spec.version) {
    const read = salvage(spec.schema, raw, spec.defaults);
    if (!read.ok) return { kind: 'unreadable', reason: 'did not match its schema' };
    return { kind: 'newer', value: read.value, raw, storedVersion, dropped: read.dropped };
  }
  let document = structuredClone(raw);
  for (let from = storedVersion; from < spec.version; from++) {
    const migration = migrationFrom(spec.migrations, from);
    if (!migration) return { kind: 'unreadable', reason: `no migration from version ${from}` };
    try {
      document = migration(document);
    } catch {
      return { kind: 'unreadable', reason: `the migration from version ${from} failed` };
    }
  }
  const read = salvage(spec.schema, document, spec.defaults);
  if (!read.ok) return { kind: 'unreadable', reason: 'did not match its schema' };
  const migratedFrom = storedVersion < spec.version ? storedVersion : null;
  return { kind: 'current', value: read.value, dropped: read.dropped, migratedFrom, fresh: false };
}

/**
 * What to store when this build writes over a newer build's document: a three-way merge of `raw` (the newer
 * document as stored), `read` (what this build made of it) and `written` (what this build now writes).
 * Whatever this build did not change stays exactly as the newer build wrote it, including fields this build
 * could not read; what it did change is written. So the newer build, run again, finds its own data plus the
 * older build's edits, and never has to downgrade. Array elements are paired by equality with what was
 * read (so reordering keeps them whole), else by position when the length did not change (an edit in place).
 * An array from which this build dropped unreadable elements is written as this build has it once it
 * changes it: those elements then live on only in the copy kept aside when the file was first read.
 */
export function mergeIntoNewer(raw: unknown, read: unknown, written: unknown): unknown {
  if (isDeepStrictEqual(written, read)) return raw;
  if (Array.isArray(raw) && Array.isArray(read) && Array.isArray(written))
    return mergeArrays(raw, read, written);
  if (!isPlainObject(raw) || !isPlainObject(read) || !isPlainObject(written)) return written;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Kept when this build did not know it (or dropped it as invalid) and did not write it now.
    if (!Object.hasOwn(read, key) && !Object.hasOwn(written, key)) merged[key] = value;
  }
  for (const [key, value] of Object.entries(written)) {
    merged[key] =
      Object.hasOwn(raw, key) && Object.hasOwn(read, key)
        ? mergeIntoNewer(raw[key], read[key], value)
        : value;
  }
  return merged;
}

function mergeArrays(raw: unknown[], read: unknown[], written: unknown[]): unknown[] {
  // Elements were dropped on read: which stored element each one came from is no longer known.
  if (raw.length !== read.length) return written;
  const source = new Map<number, number>(); // written index → read index
  const claimed = new Set<number>();
  written.forEach((item, index) => {
    const same = read.findIndex((candidate, at) => !claimed.has(at) && isDeepStrictEqual(candidate, item));
    if (same >= 0) {
      source.set(index, same);
      claimed.add(same);
    }
  });
  if (written.length === read.length) {
    written.forEach((_item, index) => {
      if (!source.has(index) && !claimed.has(index)) source.set(index, index);
    });
  }
  return written.map((item, index) => {
    const from = source.get(index);
    return from === undefined ? item : mergeIntoNewer(raw[from], read[from], item);
  });
}
