import type { z } from 'zod';
import type { DocumentStore } from './json-store.js';
import { checkSpec, decodeStoredDocument, type Migrations } from './stored-document.js';

/**
 * What the memory store checks when given a spec: `stored` is then treated as a document of
 * `storedVersion` (default: `version`) and read through the same migrations and salvage as a file.
 */
export interface MemoryDocumentSpec<T> {
  schema: z.ZodType<T>;
  defaults: T;
  version?: number;
  migrations?: Migrations;
  storedVersion?: number;
}

/** In memory, for unit tests. Values are cloned in and out, as a file would. */
export function createMemoryDocumentStore<T>(initial: T): DocumentStore<T>;
/** In memory, read and written through the schema, migrations and salvage of a file. */
export function createMemoryDocumentStore<T>(stored: unknown, spec: MemoryDocumentSpec<T>): DocumentStore<T>;
export function createMemoryDocumentStore<T>(
  initial: unknown,
  spec?: MemoryDocumentSpec<T>,
): DocumentStore<T> {
  if (!spec) {
    let value = structuredClone(initial) as T;
    return { read: () => structuredClone(value), write: (next) => void (value = structuredClone(next)) };
  }
  const full = {
    schema: spec.schema,
    defaults: spec.defaults,
    version: spec.version ?? 1,
    migrations: spec.migrations ?? {},
  };
  checkSpec(full, 'memory document');
  const decoded = decodeStoredDocument(
    { version: spec.storedVersion ?? full.version, document: initial },
    full,
  );
  let value = decoded.kind === 'unreadable' ? structuredClone(spec.defaults) : decoded.value;
  return {
    read: () => structuredClone(value),
    write: (next) => void (value = structuredClone(spec.schema.parse(next))),
  };
}
