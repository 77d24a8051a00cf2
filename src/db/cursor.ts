import { Dexie, type Table } from "dexie";
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

/** A project's pairs, in id order. */
export const pairsOfProject = (ctx: DbContext, projectId: string) =>
  ctx.db.pairs
    .where("[projectId+id]")
    .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey]);

/** A document's pairs, in their order. */
export const pairsOfDocument = (ctx: DbContext, documentId: string) =>
  ctx.db.pairs
    .where("[documentId+index]")
    .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey]);

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

/**
 * A project's rows of `table` written at or after `since`, by a `[projectId+<time>]` index, a
 * page of about `limit` per request (`getAll` with a count): each page's answer is decoded in a
 * task of its own. One request for 54,545 rows held the page's thread for 260 ms, and Dexie's
 * `offset` steps a cursor row by row. A page ends where a time ends: rows of one time (one
 * transaction's writes) come whole, in a page of their own when there are more than `limit`, so
 * no row is skipped or read twice. Call it inside a read transaction, for one snapshot.
 */
export async function readSinceInPages<T>(
  table: Table<T>,
  index: string,
  projectId: string,
  since: number,
  limit: number,
  timeOf: (row: T) => number,
): Promise<T[][]> {
  const pages: T[][] = [];
  let from = since;
  let fromIncluded = true;
  for (;;) {
    const page: T[] = await table
      .where(index)
      .between([projectId, from], [projectId, Infinity], fromIncluded, true)
      .limit(limit)
      .toArray();
    const full = page.length === limit;
    const last = page.at(-1);
    const edge = last === undefined ? from : timeOf(last);
    let rows: T[] = full ? page.filter((r) => timeOf(r) < edge) : page;
    if (full && rows.length === 0)
      rows = await table.where(index).equals([projectId, edge]).toArray();
    if (rows.length > 0) pages.push(rows);
    if (!full) return pages;
    // After rows before the edge, the next page starts at it; after the edge's own rows, past it.
    const end = rows.at(-1);
    fromIncluded = end !== undefined && timeOf(end) !== edge;
    from = edge;
  }
}

/** Rows per request when {@link readPairsByIds} reads a range. */
const RANGE_PAGE = 500;
/** How many rows a range may hold per wanted one before reading them one by one is cheaper. */
const RANGE_SPREAD = 4;

/**
 * The pairs of `ids` that exist, `ids` sorted and without repeats. Where they lie close together
 * in key order (as a filter's matches do), it reads the range from the first to the last in
 * pages of one request each, and keeps the wanted rows: a request per pair cost the page's thread
 * a task per answer, more than decoding the rows between them. Ids spread thinly are read one by
 * one. Call inside a transaction over `pairs`.
 */
export async function readPairsByIds(ctx: DbContext, ids: readonly string[]): Promise<PairRow[]> {
  const first = ids[0];
  const last = ids.at(-1);
  if (first === undefined || last === undefined) return [];
  // Unsorted ids would make an empty range and read nothing, silently.
  if (first > last) throw new Error("readPairsByIds needs its ids sorted.");
  const { pairs } = ctx.db;
  const rows: PairRow[] = [];
  if (
    (await pairs.where(":id").between(first, last, true, true).count()) >
    RANGE_SPREAD * ids.length
  ) {
    for (let i = 0; i < ids.length; i += RANGE_PAGE)
      for (const r of await pairs.bulkGet(ids.slice(i, i + RANGE_PAGE))) if (r) rows.push(r);
    return rows;
  }
  const wanted = new Set(ids);
  let from = first;
  let fromIncluded = true;
  for (;;) {
    const page = await pairs
      .where(":id")
      .between(from, last, fromIncluded, true)
      .limit(RANGE_PAGE)
      .toArray();
    for (const r of page) if (wanted.has(r.id)) rows.push(r);
    const end = page.at(-1);
    if (page.length < RANGE_PAGE || end === undefined) return rows;
    from = end.id;
    fromIncluded = false;
  }
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
    .index("[projectId+id]");
  const from = after === null ? [projectId] : [projectId, after];
  const request = index.openCursor(IDBKeyRange.bound(from, [projectId, []], after !== null));
  return new Promise<void>((resolve, reject) => {
    request.onerror = () => reject(request.error ?? new Error("Reading the pairs failed."));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      try {
        if (visit(cursor.value as PairRow) === "next") cursor.continue();
        else resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  });
}
