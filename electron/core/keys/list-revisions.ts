import type { KeyView } from '../../common/models.js';

/** What changed since a revision the popup holds: the changed views, and the id order when it changed. */
export type ListChanges = { keys: KeyView[]; order: string[] | null };

/**
 * Revisions of the key list, so the popup is sent the whole list once and then only what changed. Sending
 * 10,000 views on every change cost tens of milliseconds on each side of the bridge (serialising, parsing)
 * for a sync that changed one tag.
 *
 * Each time the list is built, `record` compares it with the list built before (field by field): the views
 * that differ are stamped with a new revision, and so is the order when keys came, went or moved. `since`
 * then answers, for any revision the popup holds, exactly the views stamped after it — or null (send it all)
 * for a revision from before the last `reset` (another account) or one this list never had.
 */
export function createListRevisions() {
  let revision = 0;
  /** Deltas are meaningful only from here on (the first list after a reset is new to everyone). */
  let base = 0;
  let last: readonly KeyView[] | null = null;
  const changedAt = new Map<string, number>();
  let orderChangedAt = 0;

  return {
    /** Records the list just built; returns its revision (unchanged when nothing in it changed). */
    record(views: readonly KeyView[]): number {
      if (last === null) {
        revision += 1;
        base = revision;
        changedAt.clear();
        for (const v of views) changedAt.set(v.id, revision);
        orderChangedAt = revision;
        last = [...views];
        return revision;
      }
      const before = last;
      // Usually the same keys in the same order: compare each view with the one at its place (a kept view is
      // the same object, see `createKeyViews`); otherwise look each up by id.
      const moved = before.length !== views.length || views.some((v, i) => before[i]?.id !== v.id);
      const byId = moved ? new Map(before.map((v) => [v.id, v])) : null;
      const changed = views.filter((v, i) => {
        const old = byId ? byId.get(v.id) : before[i];
        return old === undefined || (old !== v && !sameView(old, v));
      });
      if (changed.length > 0 || moved) {
        revision += 1;
        for (const v of changed) changedAt.set(v.id, revision);
        if (moved) {
          orderChangedAt = revision;
          const ids = new Set(views.map((v) => v.id));
          for (const id of changedAt.keys()) if (!ids.has(id)) changedAt.delete(id);
        }
      }
      last = [...views];
      return revision;
    },

    /** The views changed after `since` (a revision the popup holds) in `views`, or null: send the whole list. */
    since(views: readonly KeyView[], since: number): ListChanges | null {
      if (since < base || since > revision) return null;
      return {
        keys: views.filter((v) => (changedAt.get(v.id) ?? revision) > since),
        order: orderChangedAt > since ? views.map((v) => v.id) : null,
      };
    },

    /** Another account (or none): no revision the popup holds describes this list any more. */
    reset() {
      last = null;
    },
  };
}

export type ListRevisions = ReturnType<typeof createListRevisions>;

/** Two views (or records) of one key, field by field, arrays by their items: both are flat JSON. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    count++;
    const x = left[key];
    const y = right[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  for (const key in right) if (--count < 0 || !(key in left)) return false;
  return count === 0;
}

/** Two views of one key: see `sameFields`. */
export const sameView = (a: KeyView, b: KeyView) => sameFields(a, b);
