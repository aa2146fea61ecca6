import { z } from 'zod';
import { describePath, isPlainObject, schemaAt, valueAt, type DocumentPath } from './document-path.js';

/**
 * `value` is what the schema made of the repaired document; `repaired` is that document before parsing (the
 * raw shape, for callers that nest a salvage); `dropped` names, as log-safe paths, every part removed or
 * reset. Not `ok` when the document as a whole cannot be read (not an object, or no repair converges).
 */
export type SalvageResult<T> =
  { ok: true; value: T; repaired: unknown; dropped: string[] } | { ok: false; dropped: string[] };

/** Each pass repairs every issue zod reports; nested problems surface one level per pass. */
const MAX_PASSES = 64;

/** An array element marked for removal during a pass, so the indexes of later issues stay right. */
const REMOVED = Symbol('removed');

/**
 * Keep all of a stored document that is valid, and only that: walking the zod issues' paths, an invalid or
 * unknown field is reset to its value in `defaults` (when `defaults` has one there) or removed, an invalid
 * array element is removed, a too-long array keeps its valid elements up to the maximum. A required field
 * that is missing with no default takes its container with it (the container is then repaired the same
 * way), so one bad pin drops that pin, not the list. Pure: `input` is not changed.
 */
export function salvage<T>(schema: z.ZodType<T>, input: unknown, defaults: unknown): SalvageResult<T> {
  let document: unknown = structuredClone(input);
  const dropped = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = schema.safeParse(document);
    if (parsed.success)
      return { ok: true, value: parsed.data, repaired: document, dropped: outermost(dropped) };
    let changed = false;
    for (const issue of parsed.error.issues) {
      if (repairIssue(schema, document, issue, defaults, dropped)) changed = true;
    }
    document = withoutRemoved(document);
    if (!changed) break;
  }
  return { ok: false, dropped: outermost(dropped) };
}

/** A field removed and then its whole element: count and name the element only. */
function outermost(paths: Set<string>): string[] {
  const all = [...paths];
  return all.filter(
    (path) => !all.some((other) => path.startsWith(`${other}.`) || path.startsWith(`${other}[`)),
  );
}

function repairIssue(
  schema: z.ZodType,
  document: unknown,
  issue: z.core.$ZodIssue,
  defaults: unknown,
  dropped: Set<string>,
): boolean {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const container = valueAt(document, path);
    if (!isPlainObject(container)) return false;
    for (const key of issue.keys) {
      delete container[key];
      dropped.add(describePath(schema, [...path, key]));
    }
    return issue.keys.length > 0;
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return trimArray(schema, document, path, Number(issue.maximum), defaults, dropped);
  }
  return resetOrRemove(schema, document, path, defaults, dropped);
}

/** Reset the value at `path` to its default, or remove it; a missing required value takes its container. */
function resetOrRemove(
  schema: z.ZodType,
  document: unknown,
  path: DocumentPath,
  defaults: unknown,
  dropped: Set<string>,
): boolean {
  const key = path.at(-1);
  if (key === undefined) return false; // The whole document: nothing smaller to drop.
  const container = valueAt(document, path.slice(0, -1));
  if (Array.isArray(container) && typeof key === 'number') {
    if (container[key] === REMOVED) return false;
    container[key] = REMOVED;
    dropped.add(describePath(schema, path));
    return true;
  }
  if (!isPlainObject(container) || typeof key !== 'string') return false;
  const fallback = valueAt(defaults, path);
  if (fallback !== undefined) {
    container[key] = structuredClone(fallback);
    dropped.add(describePath(schema, path));
    return true;
  }
  if (Object.hasOwn(container, key)) {
    // Removed, so an optional field or a schema `.default()` takes over; if it was required, the next pass
    // reports it missing and the container goes instead.
    delete container[key];
    dropped.add(describePath(schema, path));
    return true;
  }
  return resetOrRemove(schema, document, path.slice(0, -1), defaults, dropped);
}

/**
 * zod checks an array's length before its elements, so a too-long array hides its invalid elements: repair
 * the elements first (as their own array), then keep the first `maximum` of what is left.
 */
function trimArray(
  schema: z.ZodType,
  document: unknown,
  path: DocumentPath,
  maximum: number,
  defaults: unknown,
  dropped: Set<string>,
): boolean {
  const list = valueAt(document, path);
  if (!Array.isArray(list)) return resetOrRemove(schema, document, path, defaults, dropped);
  const element = schemaAt(schema, [...path, 0]);
  let kept: unknown[] = list;
  if (element) {
    const elements = salvage(z.array(element), list, valueAt(defaults, path));
    if (elements.ok && Array.isArray(elements.repaired)) {
      kept = elements.repaired;
      for (const inner of elements.dropped) dropped.add(`${describePath(schema, path)}${inner}`);
    }
  }
  for (let index = maximum; index < kept.length; index++) dropped.add(describePath(schema, [...path, index]));
  list.splice(0, list.length, ...kept.slice(0, maximum));
  return true;
}

function withoutRemoved(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== REMOVED).map(withoutRemoved);
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) value[key] = withoutRemoved(item);
  }
  return value;
}
