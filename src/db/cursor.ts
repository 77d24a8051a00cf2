import { Dexie } from "dexie";
import type { DbContext } from "./context";
import type { PairRow } from "./schema";

/*
 * Reading every pair of a large project. Two ways, each the faster for its reader:
 * - `walkProjectPairs`: IndexedDB's own cursor under Dexie, for the readers of every pair that
 *   keep up with it (the export, the near-duplicate index). Dexie's `each` adds a promise per
 *   step, which doubled the cost of a 100,000-pair scan in Chromium; and its `offset` walks from
 *   the start again for every page. Pages of 1,000 by `getAll` made the export 3.5 s slower.
 * - `readProjectPairs`: one page in one request over the `[projectId+id]` index, after the last
 *   pair of the page before, for a reader that hands each page on before reading the next (the
 *   pairs table's load): no event per row, and no row lives longer than its page.
 * Pairs come as stored: a caller that shows statuses resolves them through the pending sweeps
 * (db/sweeps.ts), read before the pages.
 */

/**
 * The next `limit` pairs of the project in id order after the pair `after` (from the first when
 * null; `after` need not exist any more), in one request.
 */
export function readProjectPairs(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  limit: number,
): Promise<PairRow[]> {
  return ctx.db.pairs
    .where("[projectId+id]")
    .between([projectId, after ?? Dexie.minKey], [projectId, Dexie.maxKey], after === null, true)
    .limit(limit)
    .toArray();
}

/** What to do after a pair: go on, or stop here. */
type Step = "next" | "stop";

/**
 * Walks a project's pairs in primary-key order in one read transaction, starting after the pair
 * `after` (from the first when null, and from the next one when `after` is gone), calling
 * `visit` for each until it answers "stop" or the pairs end. Pairs come as stored: a caller that
 * shows statuses resolves them through the pending sweeps (db/sweeps.ts), read before the walk.
 */
export async function walkProjectPairs(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  visit: (pair: PairRow) => Step,
): Promise<void> {
  if (!ctx.db.isOpen()) await ctx.db.open();
  const index = ctx.db
    .backendDB()
    .transaction("pairs", "readonly")
    .objectStore("pairs")
    .index("projectId");
  const request = index.openCursor(IDBKeyRange.only(projectId));
  let positioned = after === null;
  return new Promise<void>((resolve, reject) => {
    request.onerror = () => reject(request.error ?? new Error("Reading the pairs failed."));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      if (!positioned && after !== null) {
        const order = indexedDB.cmp(cursor.primaryKey, after);
        if (order < 0) return cursor.continuePrimaryKey(projectId, after);
        positioned = true;
        if (order === 0) return cursor.continue();
      }
      try {
        if (visit(cursor.value as PairRow) === "next") cursor.continue();
        else resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  });
}
