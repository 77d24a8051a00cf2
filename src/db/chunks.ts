import type { Chunk } from "../core/chunk";
import { contentHash } from "../core/content-hash";
import type { DbContext } from "./context";
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
