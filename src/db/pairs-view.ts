import { pairFacts, type PairFacts } from "../core/curation/facts";
import type { DbContext } from "./context";
import { pairsOfProject, readProjectPairs, readSinceInPages } from "./cursor";
import type { DuplicateMark, PairRow } from "./schema";
import { marksBetween, marksWrittenSince, projectMarks, withMarks } from "./marks";
import { readOverlay, type StatusOverlay } from "./sweeps";

/*
 * Reads for the curation table (features/curate/table): the project's pairs as compact facts,
 * in batches for the first load, then only what changed since a time (every write bumps
 * `updatedAt`, undo and redo too), and the ids to find deletions. Titles come with the pairs
 * of documents the caller has not seen yet.
 */

/**
 * Pairs per read while loading: one request, decoded in one short task of the page's thread.
 */
export const PAIRS_VIEW_BATCH = 1000;

/**
 * What a load of many batches reads once instead of with every batch: the pending sweeps, read
 * before the batches' rows, and the titles of the project's documents (`projectTitles`).
 */
export interface PairsViewKnown {
  overlay: StatusOverlay;
  titles: ReadonlyMap<string, string>;
}

/** A batch for the table: pairs as facts, titles of new documents, the latest write seen. */
export interface PairsViewBatch {
  rows: PairFacts[];
  titles: [string, string][];
  /** The largest `updatedAt` among the rows, or 0. */
  latest: number;
}

/** How many pairs the project has. */
export function countProjectPairs(ctx: DbContext, projectId: string): Promise<number> {
  return pairsOfProject(ctx, projectId).count();
}

/** The ids of every pair of the project (keys only: no pair is read). */
export function projectPairIds(ctx: DbContext, projectId: string): Promise<string[]> {
  return pairsOfProject(ctx, projectId).primaryKeys();
}

/**
 * The next `limit` pairs of the project in key order after the pair `after` (from the first
 * when null). Each batch starts where the last ended, so a load costs one walk over the project.
 */
export async function readPairsViewBatch(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  limit: number,
  knownDocuments: Set<string>,
  known?: PairsViewKnown,
): Promise<PairsViewBatch> {
  const { db } = ctx;
  // The rows, their marks and the pending sweeps in one transaction (one snapshot, so no fold
  // falls between them), one request each. A known overlay was read before: a sweep folded
  // since is in the rows already.
  const [overlay, rows, marks] = await db.transaction(
    "r",
    [db.pairs, db.marks, db.sweeps],
    async () => {
      const overlay = known?.overlay ?? readOverlay(ctx, projectId);
      const rows = await readProjectPairs(ctx, projectId, after, limit);
      const first = rows[0]?.id;
      const last = rows.at(-1)?.id;
      const marks =
        first !== undefined && last !== undefined
          ? await marksBetween(ctx, projectId, first, last)
          : new Map<string, DuplicateMark>();
      return [await overlay, rows, marks] as const;
    },
  );
  return toBatch(ctx, rows, knownDocuments, overlay, marks, known?.titles);
}

/**
 * Pairs of the project written at or after `since` (ms), in batches of about
 * {@link PAIRS_VIEW_BATCH}. The caller passes a time a little before the last write it saw: two
 * transactions may commit out of their clock order. Everything is read at once; each batch is
 * made when it is taken, so a caller that hands each on before taking the next spreads the work
 * over as many tasks (made all at once, 54 batches took 74 ms).
 */
export async function readPairsChangedSince(
  ctx: DbContext,
  projectId: string,
  since: number,
  knownDocuments: Set<string>,
): Promise<AsyncIterable<PairsViewBatch>> {
  const { db } = ctx;
  // The pending sweeps, the rows and their marks in one snapshot, the rows a page per request.
  const [overlay, pages, marks] = await db.transaction(
    "r",
    [db.pairs, db.marks, db.sweeps],
    async () => {
      const overlay = await readOverlay(ctx, projectId);
      const pages = await readSinceInPages(
        db.pairs,
        "[projectId+updatedAt]",
        projectId,
        since,
        PAIRS_VIEW_BATCH,
        (r) => r.updatedAt,
      );
      // Many pages take the project's marks at once, not a request per pair or per page.
      const marks = pages.length > 1 ? await projectMarks(ctx, projectId) : undefined;
      return [overlay, pages, marks] as const;
    },
  );
  return {
    async *[Symbol.asyncIterator]() {
      for (const page of pages) yield await toBatch(ctx, page, knownDocuments, overlay, marks);
    },
  };
}

/**
 * Pairs of the project whose duplicate marks were written at or after `since` (ms), but for the
 * ones in `seen` written exactly then: marks live in their own table (db/marks.ts) and move no
 * pair's `updatedAt`. `latest` is the newest mark's time and `edge` the pairs marked at it.
 */
export async function readPairsMarkedSince(
  ctx: DbContext,
  projectId: string,
  since: number,
  knownDocuments: Set<string>,
  seen?: ReadonlySet<string>,
): Promise<PairsViewBatch & { edge: Set<string> }> {
  const { ids, latest, edge } = await marksWrittenSince(ctx, projectId, since, seen);
  if (ids.length === 0) return { rows: [], titles: [], latest, edge };
  const overlay = await readOverlay(ctx, projectId);
  const rows = (await ctx.db.pairs.bulkGet(ids)).filter((r) => r !== undefined);
  return { ...(await toBatch(ctx, rows, knownDocuments, overlay)), latest, edge };
}

/** Re-reads the titles of these documents (after a rename); missing documents are left out. */
export async function readDocumentTitles(
  ctx: DbContext,
  documentIds: readonly string[],
): Promise<[string, string][]> {
  const docs = await ctx.db.documents.bulkGet([...documentIds]);
  return docs.flatMap((d) => (d ? [[d.id, d.title] as [string, string]] : []));
}

/** The newest write to the project's pairs (ms), or 0 when it has none. */
export async function latestPairWrite(ctx: DbContext, projectId: string): Promise<number> {
  const last = await ctx.db.pairs
    .where("[projectId+updatedAt]")
    .between([projectId, -Infinity], [projectId, Infinity])
    .last();
  return last?.updatedAt ?? 0;
}

/** Rows as the table shows them (statuses resolved, marks attached), with new documents' titles. */
async function toBatch(
  ctx: DbContext,
  stored: PairRow[],
  knownDocuments: Set<string>,
  overlay: StatusOverlay,
  marks?: ReadonlyMap<string, DuplicateMark>,
  knownTitles?: ReadonlyMap<string, string>,
): Promise<PairsViewBatch> {
  const fresh = [...new Set(stored.map((r) => r.documentId))].filter(
    (id) => !knownDocuments.has(id),
  );
  const titled: [string, string][] = [];
  const untitled: string[] = [];
  for (const id of fresh) {
    const title = knownTitles?.get(id);
    if (title === undefined) untitled.push(id);
    else titled.push([id, title]);
  }
  // Marks (unless given) and the titles not given are read side by side, one request each.
  const [marked, read] = await Promise.all([
    withMarks(ctx, stored, marks),
    untitled.length > 0 ? readDocumentTitles(ctx, untitled) : [],
  ]);
  const titles = titled.concat(read);
  const rows = marked.map((r) => overlay.resolve(r));
  for (const id of fresh) knownDocuments.add(id);
  let latest = 0;
  for (const r of rows) if (r.updatedAt > latest) latest = r.updatedAt;
  return { rows: rows.map(pairFacts), titles, latest };
}
