/**
 * Something about a settings file a person should hear about, because it changed what they will see:
 * - `unreadable`: the file could not be read at all; it was moved aside and Keytray started afresh;
 * - `repaired`: some parts did not fit and were reset; the file as it was was copied aside;
 * - `newer-version`: a newer Keytray wrote it; this build keeps what it does not understand, and a copy was
 *   kept;
 * - `not-saved`: the file could not be read nor moved aside, so Keytray leaves it alone and changes last only
 *   until it quits.
 */
export type StoreProblemKind = 'unreadable' | 'repaired' | 'newer-version' | 'not-saved';

/** One problem with one file, for a desktop notification at start. `message` names where the file is kept. */
export interface StoreProblem {
  kind: StoreProblemKind;
  /** The settings file itself (absolute path). */
  file: string;
  /** Where the file as it was is kept (moved or copied aside); null when nothing could be kept. */
  keptAt: string | null;
  /** Plain words for the person. Never a stored value: only what happened and where the file is. */
  message: string;
}

/** The words for each problem. `label` says which file in a person's terms, e.g. "settings". */
export function describeStoreProblem(
  kind: StoreProblemKind,
  details: { label: string; file: string; keptAt: string | null; count?: number },
): StoreProblem {
  const { label, file, keptAt } = details;
  const kept = keptAt ?? file;
  const parts = details.count === 1 ? 'One entry' : `${details.count ?? 'Some'} entries`;
  const were = details.count === 1 ? 'was' : 'were';
  const messages: Record<StoreProblemKind, string> = {
    unreadable: `Keytray could not read its ${label} file, so it started with fresh ${label}. Nothing was deleted: the old file is kept at ${kept}.`,
    repaired: `${parts} in Keytray's ${label} file could not be read and ${were} reset; everything else was kept. The file as it was is kept at ${kept}.`,
    'newer-version': `Your ${label} file was saved by a newer version of Keytray. This version keeps what it does not understand, so the newer version will find it again. A copy of the file is kept at ${kept}.`,
    'not-saved': `Keytray could not read its ${label} file at ${file} and left it as it is. Changes you make now will last only until Keytray quits.`,
  };
  return { kind, file, keptAt, message: messages[kind] };
}
