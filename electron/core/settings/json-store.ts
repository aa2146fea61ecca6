import { basename, join } from 'node:path';
import Conf from 'conf';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../ports.js';
import type { Redactor } from '../logging/redact.js';
import { isPlainObject } from './document-path.js';
import { copyAside, moveAside } from './set-aside.js';
import { describeStoreProblem, type StoreProblem, type StoreProblemKind } from './store-problems.js';
import {
  checkSpec,
  decodeStoredDocument,
  mergeIntoNewer,
  type DocumentSpec,
  type Migrations,
} from './stored-document.js';

export type { Migration, Migrations } from './stored-document.js';
export type { StoreProblem, StoreProblemKind } from './store-problems.js';
export { createMemoryDocumentStore, type MemoryDocumentSpec } from './memory-store.js';

/** A whole-document store: read the validated value, replace it. Each of Keytray's files is one of these. */
export interface DocumentStore<T> {
  read(): T;
  write(value: T): void;
}

/**
 * The JSON file behind a document store, as `conf` presents it: the whole file as one object, read when
 * `store` is read (throwing on a file it cannot parse) and written atomically when it is assigned.
 */
export interface StoreFile {
  store: Record<string, unknown>;
}

/**
 * How the core opens its files. Every option is part of what Keytray promises about them (mode 0600, a key
 * with a dot is a key, a file that does not parse is reported and kept aside, never silently replaced), so an
 * opener must pass each one on unchanged. Migrations and salvage stay in the core: openers get none.
 */
export type StoreFileOptions = {
  cwd: string;
  configName: string;
  configFileMode: 0o600;
  accessPropertiesByDotNotation: false;
  clearInvalidConfig: false;
  deserialize: (text: string) => Record<string, unknown>;
};

/**
 * Opens a store file: `conf` under plain Node (the preview, tests); the Electron shell passes one backed by
 * electron-store, which is conf with Electron's defaults (`electron/main/electron-store-file.ts`).
 */
export type OpenStoreFile = (options: StoreFileOptions) => StoreFile;

export const openConfFile: OpenStoreFile = (options) => new Conf<Record<string, unknown>>(options);

/** The file store adds what the shells need at start and at quit. */
export interface FileDocumentStore<T> extends DocumentStore<T> {
  /** What went wrong reading the file, in plain words for the person (reads the file if not yet read). */
  problems(): StoreProblem[];
  /** Writes a change still waiting for `writeDelayMs` now. Call it before quitting. Never throws. */
  flush(): void;
}

export interface FileDocumentOptions<T> {
  folder: string;
  /** The file is `<name>.json`. */
  name: string;
  schema: z.ZodType<T>;
  defaults: T;
  logger: Logger;
  /** The check before every write; the key cache passes one that knows only remembered secrets. */
  redactor: Pick<Redactor, 'containsSecret'>;
  /** The document version this build writes (default 1). Raise it with each migration. */
  version?: number;
  /** Upgrades keyed by the version they start from; every version below `version` needs one. */
  migrations?: Migrations;
  /** The file in a person's words, for problem messages (default: the name, e.g. "key-cache" → "key cache"). */
  label?: string;
  /** Called once per problem as it is found (the same problems `problems()` returns). */
  onProblem?: (problem: StoreProblem) => void;
  /**
   * Milliseconds to gather a burst of writes into one disk write (default 0: every write reaches the disk
   * before `write` returns). Validation and the secret check still happen in `write`, so a refused value
   * throws to its caller either way; with a delay, call `flush()` before quitting.
   */
  writeDelayMs?: number;
  /** For the names of files kept aside. */
  now?: () => Date;
  /** Opens the file (default `openConfFile`). */
  openFile?: OpenStoreFile;
}

/** Thrown by the file's deserializer for valid JSON that is not an object: as unreadable as broken JSON. */
class NotADocument extends Error {}

/** What is on disk: the version that wrote it and the document. Files from before versions lack `version`. */
type StoredFile = { version: number; document: unknown };

interface Loaded<T> {
  value: T;
  /** Where writes go; null when the file could be neither read nor moved aside: writes stay in memory. */
  conf: StoreFile | null;
  /** Set while the file belongs to a newer build: writes merge into its document and keep its version. */
  newer: { raw: unknown; read: T; version: number } | null;
}

/**
 * A JSON file through `conf` (atomic writes, mode 0600) holding `{ version, document }`, and nothing lost:
 * - An older file is upgraded by `migrations` (kept aside first as `<name>.json.v<N>-<time>`) and written back.
 * - A document that fails the schema loses only the parts that fail (see `salvage`); the file as it was is
 *   copied to `<name>.json.bad-<time>` and the person is told. The log names the paths, never the values.
 * - A file that is not a JSON object (broken, truncated, an array) is moved to `<name>.json.bad-<time>`, never
 *   deleted, and Keytray starts from the defaults and tells the person. conf runs with
 *   `clearInvalidConfig: false`, so it throws on such a file instead of quietly replacing it.
 * - A file from a newer build (a higher `version`) is read for what this build understands, copied aside
 *   once, and never overwritten blindly: each write is merged into it (`mergeIntoNewer`), keeping its
 *   version and every field this build did not change or could not read. Chosen over "read-only" (which would
 *   lose everything done in the older build: a token added there would be orphaned in the keychain) and over
 *   "copy aside, then write our own version" (the newer build would silently lose its own fields on return).
 * Before every write the JSON is passed through the redactor: if anything secret-shaped would be written, the
 * write is refused. That is the last line of "no secret in settings files".
 */
export function createFileDocumentStore<T>(options: FileDocumentOptions<T>): FileDocumentStore<T> {
  const { logger, redactor, schema, defaults } = options;
  const spec: DocumentSpec<T> = {
    schema,
    defaults,
    version: options.version ?? 1,
    migrations: options.migrations ?? {},
  };
  const fileName = `${options.name}.json`;
  checkSpec(spec, fileName);
  const file = join(options.folder, fileName);
  const label = options.label ?? options.name.replace(/-/g, ' ');
  const now = options.now ?? (() => new Date());
  const delay = options.writeDelayMs ?? 0;
  const found: StoreProblem[] = [];
  let loaded: Loaded<T> | null = null;
  let pending: StoredFile | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const openFile = options.openFile ?? openConfFile;
  const open = () =>
    openFile({
      cwd: options.folder,
      configName: options.name,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      deserialize: (text) => {
        const value: unknown = JSON.parse(text);
        if (!isPlainObject(value)) throw new NotADocument('not an object');
        return value;
      },
    });

  const report = (kind: StoreProblemKind, keptAt: string | null, count?: number) => {
    const problem = describeStoreProblem(kind, {
      label,
      file,
      keptAt,
      ...(count === undefined ? {} : { count }),
    });
    found.push(problem);
    try {
      options.onProblem?.(problem);
    } catch (error) {
      logger.error(`${fileName}: the problem listener failed`, { error });
    }
  };

  /** Neither readable nor movable: leave the file exactly as it is and keep this session in memory. */
  const leaveAlone = (why: string, error: unknown): Loaded<T> => {
    logger.error(`${fileName} could not be read or kept aside (${why}); changes stay in memory`, {
      code: errorCode(error),
    });
    report('not-saved', null);
    return { value: structuredClone(defaults), conf: null, newer: null };
  };

  const startAfresh = (why: string): Loaded<T> => {
    let keptAt: string;
    try {
      keptAt = moveAside(file, 'bad', now());
    } catch (error) {
      return leaveAlone(why, error);
    }
    logger.warn(`${fileName} could not be read (${why}); moved it aside and started from defaults`, {
      keptAs: basename(keptAt),
    });
    report('unreadable', keptAt);
    return { value: structuredClone(defaults), conf: open(), newer: null };
  };

  const persist = (conf: StoreFile, stored: StoredFile) => {
    conf.store = { version: stored.version, document: stored.document };
  };

  const load = (): Loaded<T> => {
    if (loaded) return loaded;
    let conf: StoreFile;
    let stored: unknown;
    try {
      conf = open();
      stored = conf.store;
    } catch (error) {
      if (error instanceof SyntaxError) return (loaded = startAfresh('not JSON'));
      if (error instanceof NotADocument) return (loaded = startAfresh(error.message));
      return (loaded = leaveAlone('could not open it', error));
    }
    const decoded = decodeStoredDocument(stored, spec);
    if (decoded.kind === 'unreadable') return (loaded = startAfresh(decoded.reason));

    if (decoded.kind === 'newer') {
      let copy: { path: string; made: boolean };
      try {
        copy = copyAside(file, `v${decoded.storedVersion}`, now());
      } catch (error) {
        return (loaded = { ...leaveAlone('a newer version wrote it', error), value: decoded.value });
      }
      logger.warn(
        `${fileName} was written by a newer version (${decoded.storedVersion}); keeping what this one does not know`,
        {
          notUnderstood: decoded.dropped.slice(0, 20),
          keptAs: basename(copy.path),
        },
      );
      if (copy.made) report('newer-version', copy.path);
      const newer = { raw: decoded.raw, read: decoded.value, version: decoded.storedVersion };
      return (loaded = { value: decoded.value, conf, newer });
    }

    loaded = { value: decoded.value, conf, newer: null };
    if (decoded.dropped.length === 0 && decoded.migratedFrom === null) return loaded;
    // Keep the file as it was before the repaired or upgraded document replaces it.
    let keptAt: string;
    try {
      const tag = decoded.dropped.length > 0 ? 'bad' : `v${decoded.migratedFrom}`;
      keptAt = copyAside(file, tag, now()).path;
    } catch (error) {
      return (loaded = {
        ...leaveAlone('could not copy it before changing it', error),
        value: decoded.value,
      });
    }
    if (decoded.dropped.length > 0) {
      logger.warn(`${fileName}: reset the parts that did not match its schema`, {
        paths: decoded.dropped.slice(0, 20),
        keptAs: basename(keptAt),
      });
      report('repaired', keptAt, decoded.dropped.length);
    }
    if (decoded.migratedFrom !== null) {
      logger.info(`${fileName} upgraded from version ${decoded.migratedFrom} to ${spec.version}`, {
        keptAs: basename(keptAt),
      });
    }
    writeBack(conf, decoded.value);
    return loaded;
  };

  /** The repaired or upgraded document replaces the file now, so the next start reads it cleanly. */
  const writeBack = (conf: StoreFile, value: T) => {
    if (redactor.containsSecret(JSON.stringify(value))) {
      logger.warn(`${fileName} holds something secret-shaped; not writing it back`);
      return;
    }
    try {
      persist(conf, { version: spec.version, document: value });
    } catch (error) {
      logger.error(`${fileName} could not be written back`, { code: errorCode(error) });
    }
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const stored = pending;
    const conf = loaded?.conf;
    pending = null;
    if (!stored || !conf) return;
    try {
      persist(conf, stored);
    } catch (error) {
      logger.error(`${fileName} could not be saved`, { code: errorCode(error) });
    }
  };

  return {
    read() {
      return structuredClone(load().value);
    },
    write(value) {
      const state = load();
      const parsed = schema.parse(value);
      const document = state.newer ? mergeIntoNewer(state.newer.raw, state.newer.read, parsed) : parsed;
      if (redactor.containsSecret(JSON.stringify(document))) {
        throw new AppError('internal', 'Keytray refused to write a secret into its settings file.', {
          file: options.name,
        });
      }
      const stored: StoredFile = { version: state.newer?.version ?? spec.version, document };
      if (state.conf && delay <= 0) persist(state.conf, stored);
      state.value = parsed;
      if (state.newer) state.newer = { ...state.newer, raw: document, read: parsed };
      if (!state.conf || delay <= 0) return;
      pending = stored;
      timer ??= setTimeout(flush, delay);
      // A pending write must not keep a finished process alive; `flush()` at quit covers the last burst.
      timer.unref();
    },
    problems() {
      load();
      return structuredClone(found);
    },
    flush,
  };
}

/** The error's code (`EACCES`, `ENOSPC` …) for the log: fs messages carry paths, not needed there. */
function errorCode(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.name;
  return 'unknown';
}
