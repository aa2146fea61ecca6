import { z } from 'zod';

/** A spot in a stored document: object keys and array indexes, as zod reports them in `issue.path`. */
export type DocumentPath = readonly PropertyKey[];

/** A JSON object (not an array, not null): the only shape a stored document or its container can take. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function valueAt(root: unknown, path: DocumentPath): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

/** Past the wrappers that do not change the shape of the value (optional, default, pipe …). */
function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 32; depth++) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodCatch ||
      current instanceof z.ZodReadonly ||
      current instanceof z.ZodNonOptional ||
      current instanceof z.ZodLazy
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
  return current;
}

/** The schema of the value at `path` (through objects, records and arrays); undefined when not known. */
export function schemaAt(schema: z.ZodType, path: DocumentPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    const inner = unwrap(current);
    if (inner instanceof z.ZodArray) current = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) current = inner.valueType as z.ZodType;
    else if (
      inner instanceof z.ZodObject &&
      typeof segment === 'string' &&
      Object.hasOwn(inner.shape, segment)
    )
      current = inner.shape[segment] as z.ZodType;
    else return undefined;
  }
  return current;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A path for the log, e.g. `pins[2].label` or `reminders.sent.*`. Field names and indexes are shown; a record's
 * keys (key ids, names: data, not structure) and anything the schema does not know are shown as `*`, so a
 * log line never carries what a person stored. An unknown key of a known object (a field from a newer
 * version) is shown when it looks like a field name.
 */
export function describePath(schema: z.ZodType, path: DocumentPath): string {
  let current: z.ZodType | undefined = schema;
  let text = '';
  for (const segment of path) {
    const inner = unwrap(current);
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      current = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
      continue;
    }
    let shown = '*';
    if (inner instanceof z.ZodRecord) {
      current = inner.valueType as z.ZodType;
    } else if (inner instanceof z.ZodObject && typeof segment === 'string') {
      if (FIELD_NAME.test(segment)) shown = segment;
      current = Object.hasOwn(inner.shape, segment) ? (inner.shape[segment] as z.ZodType) : undefined;
    } else {
      current = undefined;
    }
    text += text === '' ? shown : `.${shown}`;
  }
  return text === '' ? '(whole document)' : text;
}
