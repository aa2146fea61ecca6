import Conf from 'conf';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../ports.js';
import type { Redactor } from '../logging/redact.js';

/** A whole-document store: read the validated value, replace it. Each of Keytray's files is one of these. */
export interface DocumentStore<T> {
  read(): T;
  write(value: T): void;
}

/** In memory, for unit tests. Values are cloned in and out, as a file would. */
export function createMemoryDocumentStore<T>(initial: T): DocumentStore<T> {
  let value = structuredClone(initial);
  return { read: () => structuredClone(value), write: (next) => void (value = structuredClone(next)) };
}

/**
 * A JSON file through `conf` (atomic writes, mode 0600), validated by a zod schema on read and write. A file
 * that fails the schema is kept aside by conf's defaults and Keytray starts from defaults, saying so in the
 * log. Before every write the JSON is passed through the redactor: if anything secret-shaped would be
 * written, the write is refused. That is the last line of "no secret in settings files".
 */
export function createFileDocumentStore<T extends Record<string, unknown>>(options: {
  folder: string;
  name: string;
  schema: z.ZodType<T>;
  defaults: T;
  logger: Logger;
  redactor: Redactor;
}): DocumentStore<T> {
  const conf = new Conf<{ document: T }>({
    cwd: options.folder,
    configName: options.name,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    defaults: { document: options.defaults },
    clearInvalidConfig: true,
  });
  let cached: T | null = null;
  return {
    read() {
      if (cached) return structuredClone(cached);
      const parsed = options.schema.safeParse(conf.get('document'));
      if (!parsed.success) {
        options.logger.warn(`${options.name}.json did not match its schema; starting from defaults`, {
          issues: parsed.error.issues.slice(0, 3).map((issue) => issue.path.join('.')),
        });
      }
      cached = parsed.success ? parsed.data : options.defaults;
      return structuredClone(cached);
    },
    write(value) {
      const parsed = options.schema.parse(value);
      const json = JSON.stringify(parsed);
      if (options.redactor.containsSecret(json)) {
        throw new AppError('internal', 'Keytray refused to write a secret into its settings file.', {
          file: options.name,
        });
      }
      conf.set('document', parsed);
      cached = parsed;
    },
  };
}
