import {
  KEY_FIELD_SPELLINGS,
  KEY_FIELDS,
  OTHER_KEY_FIELD_SPELLINGS,
  type KeyField,
  type LearnedSpellings,
} from '../unverified.js';
import { isJsonObject } from './field-shapes.js';

/** What a value must look like to count as that field (looked at here, never reported). */
const isDate = (value: unknown) =>
  value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
const FITS: Record<KeyField, (value: unknown) => boolean> = {
  userId: (value) => typeof value === 'string' && value.length > 0,
  userEmail: (value) => typeof value === 'string' && value.includes('@'),
  status: (value) => typeof value === 'string',
  tags: (value) => value === null || Array.isArray(value),
  expiresAt: isDate,
  lastUsedAt: isDate,
  createdAt: isDate,
};

/** How the report names each field for people. */
export const KEY_FIELD_LABELS: Record<KeyField, string> = {
  userId: 'user id',
  userEmail: 'user e-mail',
  status: 'status',
  tags: 'tags',
  expiresAt: 'expiry',
  lastUsedAt: 'last used',
  createdAt: 'created',
};

function valueAt(record: Record<string, unknown>, spelling: string): unknown {
  const dot = spelling.indexOf('.');
  if (dot < 0) return record[spelling];
  const parent = record[spelling.slice(0, dot)];
  return isJsonObject(parent) ? parent[spelling.slice(dot + 1)] : undefined;
}

/**
 * The spelling of each key-record field in one record Telnyx sent: the first of the usual spellings, then of
 * the further ones (`unverified.ts`), that is present with a value of the right kind. Fields the record does
 * not carry are left out: one record is no proof that Telnyx never sends them.
 */
export function learnSpellings(record: unknown): LearnedSpellings {
  if (!isJsonObject(record)) return {};
  const learned: Partial<Record<KeyField, string>> = {};
  for (const field of KEY_FIELDS) {
    const candidates = [...KEY_FIELD_SPELLINGS[field], ...OTHER_KEY_FIELD_SPELLINGS[field]];
    const found = candidates.find((spelling) => {
      const value = valueAt(record, spelling);
      return value !== undefined && FITS[field](value);
    });
    if (found !== undefined) learned[field] = found;
  }
  return learned;
}
