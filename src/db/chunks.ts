import type { Chunk } from "../core/chunk";
import { contentHash } from "../core/content-hash";
import type { DbContext } from "./context";
import { pairsOfProject } from "./cursor";
import type { ChunkRow, DocumentRow } from "./schema";
import { guardWrite } from "./storage-error";

/** A document ready to store, with its chunks already computed (in a worker for big imports). */
export interface NewChunkedDocument {
  title: string;
  text: string;
  source: DocumentRow["source"];
  /** Offsets and costs from core's chunkText; an empty list stores no chunk (nothing to read). */
  chunks: readonly Pick<Chunk, "start" | "end" | "tokens" | "oversized">[];
  budgetMode: ChunkRow["budgetMode"];
  /** Precomputed by the caller (a worker), or computed here. */
  contentHash?: string;
}

export interface AddedDocuments {
  added: DocumentRow[];
  /** Documents skipped because a document with the same normalized text exists. */
  duplicates: { title: string; duplicateOf: string }[];
}

/** Chunk rows for a stored document. */
export function chunkRows(
  ctx: Pick<DbContext, "newId">,
  doc: Pick<DocumentRow, "id" | "projectId">,
  chunks: NewChunkedDocument["chunks"],
  budgetMode: ChunkRow["budgetMode"],
): ChunkRow[] {
  return chunks.map((c, index) => {
    const row: ChunkRow = {
      id: ctx.newId(),
      projectId: doc.projectId,
      documentId: doc.id,
      index,
      start: c.start,
      end: c.end,
      tokens: c.tokens,
      budgetMode,
    };
    if (c.oversized) row.oversized = true;
    return row;
  });
}

/**
 * Stores a batch of documents and their chunks in ONE transaction. Exact duplicates (same
 * normalized text as a document already in the project, or earlier in the batch) are skipped
 * and reported unless `keepDuplicates`. Creation times increase through the batch so the
 * documents list keeps the input order.
 */
export async function addChunkedDocuments(
  ctx: DbContext,
  projectId: string,
  docs: readonly NewChunkedDocument[],
  opts: { keepDuplicates?: boolean } = {},
): Promise<AddedDocuments> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.documents, db.chunks, async () => {
      const t = ctx.now();
      const added: DocumentRow[] = [];
      const chunks: ChunkRow[] = [];
      const duplicates: AddedDocuments["duplicates"] = [];
      const seen = new Map<string, string>();
      for (const d of docs) {
        const hash = d.contentHash ?? contentHash(d.text);
        if (!opts.keepDuplicates) {
          const earlier =
            seen.get(hash) ??
            (await db.documents.where("[projectId+contentHash]").equals([projectId, hash]).first())
              ?.title;
          if (earlier !== undefined) {
            duplicates.push({ title: d.title, duplicateOf: earlier });
            continue;
          }
        }
        const row: DocumentRow = {
          id: ctx.newId(),
          projectId,
          title: d.title.trim() || "Untitled document",
          source: d.source,
          text: d.text,
          contentHash: hash,
          createdAt: t + added.length,
          updatedAt: t,
        };
        seen.set(hash, row.title);
        added.push(row);
        for (const c of chunkRows(ctx, row, d.chunks, d.budgetMode)) chunks.push(c);
      }
      await db.documents.bulkAdd(added);
      await db.chunks.bulkAdd(chunks);
      return { added, duplicates };
    }),
  );
}

/** A document's chunks in order. */
export function listChunks(ctx: DbContext, documentId: string): Promise<ChunkRow[]> {
  return ctx.db.chunks
    .where("[documentId+index]")
    .between([documentId, -Infinity], [documentId, Infinity])
    .toArray();
}

/** The text of a chunk: chunks store offsets into their document, never a copy. */
export const chunkText = (doc: Pick<DocumentRow, "text">, chunk: Pick<ChunkRow, "start" | "end">) =>
  doc.text.slice(chunk.start, chunk.end);

/**
 * Re-cuts the chunks of a project's documents after the chunk budget changed. Only documents
 * nothing was synthesized from are touched (no result, no pair, not queued in an active job):
 * chunk ids are what results, pairs and links point at. Works in batches of documents, one
 * transaction each, and yields between them so a big project never freezes the page.
 */
export async function rechunkUnsynthesized(
  ctx: DbContext,
  projectId: string,
  cut: (text: string) => NewChunkedDocument["chunks"],
  budgetMode: ChunkRow["budgetMode"],
  batchSize = 100,
): Promise<{ rechunked: number; kept: number; chunks: number }> {
  const { db } = ctx;
  const ids = await db.documents
    .where("[projectId+createdAt]")
    .between([projectId, -Infinity], [projectId, Infinity])
    .primaryKeys();
  const used = new Set<string>();
  await db.results
    .where("projectId")
    .equals(projectId)
    .each((r) => void used.add(r.documentId));
  await pairsOfProject(ctx, projectId).each((p) => void used.add(p.documentId));
  const active = await db.jobs
    .where("projectId")
    .equals(projectId)
    .filter((j) => j.state === "queued" || j.state === "running" || j.state === "paused")
    .primaryKeys();
  for (const jobId of active) {
    await db.tasks
      .where("jobId")
      .equals(jobId)
      .each((t) => void used.add(t.documentId));
  }
  const free = ids.filter((id) => !used.has(id));
  let chunks = 0;
  for (let i = 0; i < free.length; i += batchSize) {
    const batch = free.slice(i, i + batchSize);
    chunks += await guardWrite(() =>
      db.transaction("rw", db.documents, db.chunks, async () => {
        let n = 0;
        for (const doc of await db.documents.bulkGet(batch)) {
          if (!doc) continue;
          const old = await db.chunks
            .where("[documentId+index]")
            .between([doc.id, -Infinity], [doc.id, Infinity])
            .primaryKeys();
          const rows = chunkRows(ctx, doc, cut(doc.text), budgetMode);
          await db.chunks.bulkDelete(old);
          await db.chunks.bulkAdd(rows);
          n += rows.length;
        }
        return n;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { rechunked: free.length, kept: ids.length - free.length, chunks };
}
