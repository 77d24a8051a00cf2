import type { ExportDocument } from "../core/project-export";
import type { StudioCounts, StudioEntry, StudioPair } from "../core/export/studio-dataset";
import type { DbContext } from "./context";
import { pairsOfProject, walkProjectPairs } from "./cursor";
import { listDocuments } from "./documents";
import { readOverlay, type StatusOverlay } from "./sweeps";
import {
  firstChunkId,
  type ChunkRow,
  type DocumentRow,
  type EntryLink,
  type PairRow,
} from "./schema";

/**
 * Reads a project's documents and pairs in one read transaction, in creation order: the studio's
 * own project JSONL, one line per document whatever its chunks.
 */
export async function readProjectForExport(
  ctx: DbContext,
  projectId: string,
): Promise<ExportDocument[]> {
  const { db } = ctx;
  return db.transaction("r", db.documents, db.pairs, db.sweeps, async () => {
    const docs = await listDocuments(ctx, projectId);
    const overlay = await readOverlay(ctx, projectId);
    const pairs = (await pairsOfProject(ctx, projectId).toArray()).map((p) => overlay.resolve(p));
    const byDoc = groupBy(pairs, (p) => p.documentId);
    return docs.map((d) => ({
      title: d.title,
      text: d.text,
      pairs: (byDoc.get(d.id) ?? [])
        .sort((a, b) => a.index - b.index)
        .map((p) => ({ question: p.question, answer: p.answer, status: p.status })),
    }));
  });
}

/** Where one chunk's entry sits in the export: its collection is the list it is in. */
export interface ExportPlanEntry {
  chunkId: string;
  documentId: string;
  /** The chunk's text is `document.text.slice(start, end)`. */
  start: number;
  end: number;
  /** The document's creation time: batches read their documents as one key range. */
  createdAt: number;
  /** The chunk's index, set only when its document has several chunks. */
  chunk?: number;
  inheritsFromPrevious: boolean;
  followedByNext: boolean;
}

/**
 * A project's export in outline: ids and links only, no text, so the page can hold it while the
 * texts stream to the worker in batches ({@link readExportBatch}).
 */
export interface ExportPlan {
  /** Collections in the order of their first entry; entries in chain order. */
  collections: ExportPlanEntry[][];
  /** Entries (chunks) in all collections. */
  entries: number;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

/** The link of each chunk's latest finished result (by start time), if it has one. */
async function latestLinks(ctx: DbContext, projectId: string): Promise<Map<string, EntryLink>> {
  const latest = new Map<string, { startedAt: number; link?: EntryLink }>();
  // A cursor, not toArray: results carry prompts and raw outputs the plan does not need.
  await ctx.db.results
    .where("projectId")
    .equals(projectId)
    .each((r) => {
      if (r.state !== "done") return;
      const seen = latest.get(r.chunkId);
      if (!seen || r.startedAt >= seen.startedAt) {
        latest.set(r.chunkId, { startedAt: r.startedAt, ...(r.link ? { link: r.link } : {}) });
      }
    });
  const links = new Map<string, EntryLink>();
  for (const [chunkId, { link }] of latest) if (link) links.set(chunkId, link);
  return links;
}

/**
 * The project's chunks as export entries, grouped into collections (method spec, section 4).
 * Entries come in document order, then chunk index. An entry whose latest finished result has
 * `link.inheritsFromPrevious` joins the collection of `link.previousChunkId`'s entry, so
 * cooking renders the chain as one text; any other entry starts its own collection. A link is
 * followed only to an earlier entry that no other entry has joined yet, so collections stay
 * chains and a damaged link can never make a cycle. A document without chunk rows (stored
 * before chunks existed and never upgraded) is one whole-document entry.
 */
export async function planProjectExport(ctx: DbContext, projectId: string): Promise<ExportPlan> {
  const { db } = ctx;
  return db.transaction("r", [db.documents, db.chunks, db.results], async () => {
    const byCreation = db.documents
      .where("[projectId+createdAt]")
      .between([projectId, -Infinity], [projectId, Infinity]);
    // Keys only: the documents' texts are read batch by batch. The four reads are independent,
    // so they are issued together and the database serves them side by side.
    const [keys, docIds, chunkRows, links] = await Promise.all([
      byCreation.keys(),
      byCreation.primaryKeys(),
      db.chunks.where("projectId").equals(projectId).toArray(),
      latestLinks(ctx, projectId),
    ]);
    const created = keys.map((k) => (Array.isArray(k) && typeof k[1] === "number" ? k[1] : 0));
    const chunks = groupBy(chunkRows, (c) => c.documentId);
    const collections: ExportPlanEntry[][] = [];
    /** Chunk id → its collection, for entries nothing has joined yet. */
    const open = new Map<string, ExportPlanEntry[]>();
    for (const [d, documentId] of docIds.entries()) {
      const createdAt = created[d] ?? 0;
      const own = (chunks.get(documentId) ?? []).sort((a, b) => a.index - b.index);
      // No chunk rows: the whole text, its end known once the text is read.
      const rows: Pick<ChunkRow, "id" | "index" | "start" | "end">[] =
        own.length > 0
          ? own
          : [{ id: firstChunkId(documentId), index: 0, start: 0, end: Number.MAX_SAFE_INTEGER }];
      for (const row of rows) {
        const entry: ExportPlanEntry = {
          chunkId: row.id,
          documentId,
          start: row.start,
          end: row.end,
          createdAt,
          ...(own.length > 1 ? { chunk: row.index } : {}),
          inheritsFromPrevious: false,
          followedByNext: false,
        };
        const link = links.get(row.id);
        const previous = link?.inheritsFromPrevious ? link.previousChunkId : undefined;
        const chain = previous === undefined ? undefined : open.get(previous);
        if (chain && previous !== undefined) {
          open.delete(previous);
          const last = chain[chain.length - 1];
          if (last) last.followedByNext = true;
          entry.inheritsFromPrevious = true;
          chain.push(entry);
          open.set(row.id, chain);
        } else {
          const collection = [entry];
          collections.push(collection);
          open.set(row.id, collection);
        }
      }
    }
    return { collections, entries: collections.reduce((n, c) => n + c.length, 0) };
  });
}

/**
 * The entries of some collections of a plan, with their texts (`document.text.slice(start,
 * end)`, never stored twice) and their pairs by pair index, in one read transaction. An entry
 * whose document was deleted since the plan was made is left out, so each returned collection
 * may be shorter, never longer; there is always one per collection asked for.
 *
 * Costs one request for the documents (a key range: a batch's documents are neighbours in
 * creation order, except where a collection reaches back) and, unless `pairs` gives them (read
 * beforehand by {@link scanProjectPairs}: chunk id → its pairs in pair order), one per chunk for
 * the pairs.
 */
export async function readExportBatch(
  ctx: DbContext,
  projectId: string,
  collections: readonly (readonly ExportPlanEntry[])[],
  pairs?: ReadonlyMap<string, readonly StudioPair[]>,
): Promise<StudioEntry[][]> {
  const { db } = ctx;
  const entries = collections.flat();
  const chunkIds = entries.map((e) => e.chunkId);
  const times = entries.map((e) => e.createdAt);
  const wanted = new Set(entries.map((e) => e.documentId));
  return db.transaction("r", [db.documents, db.pairs, db.sweeps], async () => {
    const docs = new Map<string, DocumentRow>();
    if (entries.length > 0) {
      // Collections that reach back to earlier documents widen the range; a range wider than
      // twice the documents wanted is read document by document instead.
      const range = db.documents
        .where("[projectId+createdAt]")
        .between([projectId, Math.min(...times)], [projectId, Math.max(...times)], true, true);
      const rows =
        (await range.count()) <= 2 * wanted.size
          ? await range.toArray()
          : (await db.documents.bulkGet([...wanted])).filter((d) => d !== undefined);
      for (const d of rows) if (wanted.has(d.id)) docs.set(d.id, d);
    }
    const byChunk =
      pairs ?? (await readChunkPairs(ctx, chunkIds, await readOverlay(ctx, projectId)));
    return collections.map((collection) =>
      collection.flatMap((e): StudioEntry[] => {
        const doc = docs.get(e.documentId);
        if (!doc) return [];
        return [
          {
            id: doc.id,
            title: doc.title,
            text: doc.text.slice(e.start, e.end),
            pairs: [...(byChunk.get(e.chunkId) ?? [])],
            ...(e.chunk === undefined ? {} : { chunk: e.chunk }),
            ...(e.inheritsFromPrevious ? { inheritsFromPrevious: true } : {}),
            ...(e.followedByNext ? { followedByNext: true } : {}),
          },
        ];
      }),
    );
  });
}

/**
 * The pairs of some chunks in pair order, one request per chunk, all issued at once: IndexedDB
 * pipelines them, while `anyOf` walks a cursor that waits for the browser between keys.
 */
async function readChunkPairs(
  ctx: DbContext,
  chunkIds: readonly string[],
  overlay: StatusOverlay,
): Promise<Map<string, StudioPair[]>> {
  const perChunk = await Promise.all(
    chunkIds.map((id) => ctx.db.pairs.where("chunkId").equals(id).toArray()),
  );
  return new Map(
    chunkIds.map((id, i) => [
      id,
      (perChunk[i] ?? [])
        .sort((a, b) => a.index - b.index)
        .map((p) => ({
          question: p.question,
          answer: p.answer,
          status: overlay.resolve(p).status,
        })),
    ]),
  );
}

/**
 * Every pair of a project with one cursor, in primary-key order (an order nothing should rely
 * on): `count` first gets how many there are, then `each` every one until `stop` returns true.
 * For an export that needs every pair this is several times faster than
 * {@link readExportBatch}'s one request per chunk, because each request is a round trip to the
 * browser's database while a cursor's values arrive prefetched in runs. Returns how many pairs
 * `each` saw.
 */
export async function scanProjectPairs(
  ctx: DbContext,
  projectId: string,
  each: (pair: PairRow) => void,
  options: { count?: (pairs: number) => void; stop?: () => boolean } = {},
): Promise<number> {
  const stop = options.stop ?? (() => false);
  options.count?.(await pairsOfProject(ctx, projectId).count());
  // Read before the walk: a sweep folded meanwhile is then in the rows already.
  const overlay = await readOverlay(ctx, projectId);
  let seen = 0;
  await walkProjectPairs(ctx, projectId, null, (pair) => {
    if (stop()) return "stop";
    seen++;
    each(overlay.resolve(pair));
    return "next";
  });
  return seen;
}

/** Documents and pairs by review status, for the Hub card, read with a cursor (no copies kept). */
export async function countProjectForExport(
  ctx: DbContext,
  projectId: string,
): Promise<StudioCounts> {
  const { db } = ctx;
  return db.transaction("r", [db.documents, db.pairs, db.sweeps], async () => {
    const overlay = await readOverlay(ctx, projectId);
    const counts: StudioCounts = {
      documents: await db.documents.where("projectId").equals(projectId).count(),
      pairs: 0,
      accepted: 0,
      rejected: 0,
      pending: 0,
    };
    await pairsOfProject(ctx, projectId).each((p) => {
      counts.pairs++;
      counts[overlay.resolve(p).status]++;
    });
    return counts;
  });
}

let exportReads = 0;

/**
 * For a live query that must re-run whenever anything an export reads changes (documents,
 * chunks, pairs, finished results), without holding any of it: returns a number that is new on
 * every run. Counting a range subscribes the live query to that range.
 */
export async function watchProjectForExport(ctx: DbContext, projectId: string): Promise<number> {
  const { db } = ctx;
  await Promise.all([
    db.documents.where("projectId").equals(projectId).count(),
    db.chunks.where("projectId").equals(projectId).count(),
    pairsOfProject(ctx, projectId).count(),
    db.sweeps.where("projectId").equals(projectId).count(),
    // Finished results only: partial output saved every second while streaming is no change.
    db.results.where("state").equals("done").count(),
  ]);
  return ++exportReads;
}
