import type { KeyView } from '../../common/models.js';
import type { KeyRecord } from '../telnyx/unverified.js';
import { sameFields } from './list-revisions.js';

/** Keytray's own facts about the keys, beside what Telnyx says: read once per list. */
export type KeyFacts = {
  inKeychain: ReadonlySet<string>;
  unsaved: ReadonlyMap<string, unknown>;
  pins: ReadonlyMap<string, string | null>;
  disables: ReadonlyMap<string, string>;
  names: Readonly<Record<string, string>>;
};

/**
 * Views for many keys at once, keeping last time's view object of every key whose record and facts did not
 * change. The list is built on every change, popup open and tray redraw; with 10,000 keys, building every
 * view anew (and then comparing it with the last one to find what changed) cost ~20 ms each time. A kept
 * view is the same object, so `createListRevisions` knows it unchanged without looking inside.
 */
export function createKeyViews() {
  let lastRecords: readonly KeyRecord[] = [];
  let lastViews: readonly KeyView[] = [];
  /** Last time's view by id: built only when keys came, went or moved (usually they did not). */
  let byId: Map<string, { record: KeyRecord; view: KeyView }> | null = null;
  return {
    build(records: readonly KeyRecord[], facts: KeyFacts): KeyView[] {
      const views = records.map((record, i) => {
        const { id } = record;
        let before: { record: KeyRecord; view: KeyView } | undefined;
        const samePlace = lastRecords[i];
        if (samePlace?.id === id) before = { record: samePlace, view: lastViews[i] as KeyView };
        else {
          byId ??= new Map(lastRecords.map((r, j) => [r.id, { record: r, view: lastViews[j] as KeyView }]));
          before = byId.get(id);
        }
        const unsaved = facts.unsaved.has(id);
        const hasSecret = unsaved || facts.inKeychain.has(id);
        const pinned = facts.pins.has(id);
        const pinLabel = facts.pins.get(id) ?? null;
        const disableAt = facts.disables.get(id) ?? null;
        const name = facts.names[id] ?? null;
        const view = before?.view;
        if (
          before &&
          view &&
          view.hasSecret === hasSecret &&
          view.unsaved === unsaved &&
          view.pinned === pinned &&
          view.pinLabel === pinLabel &&
          view.disableAt === disableAt &&
          view.name === name &&
          (before.record === record || sameFields(before.record, record))
        ) {
          return view;
        }
        return { ...record, hasSecret, unsaved, pinned, pinLabel, disableAt, name };
      });
      lastRecords = records;
      lastViews = views;
      byId = null;
      return views;
    },

    /** Views of a few keys (a first screen), built afresh and not kept: the next `build` is unaffected. */
    some: (records: readonly KeyRecord[], facts: KeyFacts): KeyView[] => records.map((r) => viewOf(r, facts)),
  };
}

function viewOf(record: KeyRecord, facts: KeyFacts): KeyView {
  const { id } = record;
  const unsaved = facts.unsaved.has(id);
  return {
    ...record,
    hasSecret: unsaved || facts.inKeychain.has(id),
    unsaved,
    pinned: facts.pins.has(id),
    pinLabel: facts.pins.get(id) ?? null,
    disableAt: facts.disables.get(id) ?? null,
    name: facts.names[id] ?? null,
  };
}
