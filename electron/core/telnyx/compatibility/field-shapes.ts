import type { FieldShape } from '../../../common/models.js';

/**
 * Field names and JSON types of a Telnyx answer, never a value: what "Check Telnyx compatibility" reports.
 * A JSON *name* can be a value too (an object keyed by key ids, e-mails or tags), so every name is screened
 * and one that could be a value is withheld, counted under its parent.
 */

/** More fields than any record of Telnyx's has; the rest are counted, not listed. */
export const MAX_REPORTED_FIELDS = 300;
/** More names than a nested record of Telnyx's (`user`, `meta`) has: past it, every name is withheld. */
const MAX_NESTED_NAMES = 12;

type Json = Record<string, unknown>;
export const isJsonObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const baseType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** `string`, `number`, `boolean`, `null`, `object`, `array<string>`, `array<number|string>`, `array (empty)`. */
export function jsonTypeName(value: unknown): string {
  if (!Array.isArray(value)) return baseType(value);
  if (value.length === 0) return 'array (empty)';
  const kinds = new Set<string>();
  for (const item of value.slice(0, 1000)) kinds.add(baseType(item));
  return `array<${[...kinds].sort().join('|')}>`;
}

/** Schema-like names: letters, digits and underscores, not too long. Anything else may be data. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,47}$/;
/** Three digits in a row, or a run of hex with a digit in it (ids, dates, amounts, `KEY…` ids). */
const VALUE_LIKE = /\d{3}|(?=[0-9a-f]*\d)[0-9a-f]{8,}/i;

/**
 * Screens names: `nested` names (one level inside a record) are also withheld when they equal any string value
 * in the answer — an object keyed by tags or user ids. Top-level names are not held to that, or a record with
 * `record_type: "balance"` would hide its own `balance` field.
 */
export function createNameScreen(answer: unknown): (name: string, nested: boolean) => boolean {
  const strings = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (strings.size >= 20_000 || depth > 8) return;
    if (typeof value === 'string') strings.add(value.toLowerCase());
    else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (isJsonObject(value)) for (const item of Object.values(value)) walk(item, depth + 1);
  };
  walk(answer, 0);
  return (name, nested) =>
    NAME.test(name) && !VALUE_LIKE.test(name) && !(nested && strings.has(name.toLowerCase()));
}

/**
 * The fields of `object`, sorted by name, with the fields of each object-valued field one level down
 * (`user.email`) when `nested`. Withheld names are counted per object: `user.(2 names withheld)`.
 */
export function describeFields(
  object: Json,
  isSafeName: (name: string, nested: boolean) => boolean,
  options: { nested: boolean },
): FieldShape[] {
  const shapes: FieldShape[] = [];
  const list = (fields: Json, prefix: string, deeper: boolean) => {
    const withheld = new Set<string>();
    let withheldCount = 0;
    const names = Object.keys(fields).sort();
    // One level down, an object with many names is a map keyed by data (people, tags), not a record.
    const aMap = prefix !== '' && names.length > MAX_NESTED_NAMES;
    for (const name of names) {
      const value = fields[name];
      if (aMap || !isSafeName(name, prefix !== '')) {
        withheldCount += 1;
        withheld.add(jsonTypeName(value));
        continue;
      }
      shapes.push({ name: `${prefix}${name}`, type: jsonTypeName(value) });
      if (deeper && isJsonObject(value)) list(value, `${prefix}${name}.`, false);
    }
    if (withheldCount > 0) {
      shapes.push({
        name: `${prefix}(${withheldCount} name${withheldCount === 1 ? '' : 's'} withheld: they look like values)`,
        type: [...withheld].sort().join('|').slice(0, 60),
      });
    }
  };
  list(object, '', options.nested);
  if (shapes.length <= MAX_REPORTED_FIELDS) return shapes;
  const more = shapes.length - (MAX_REPORTED_FIELDS - 1);
  return [...shapes.slice(0, MAX_REPORTED_FIELDS - 1), { name: `(${more} more fields)`, type: 'various' }];
}
