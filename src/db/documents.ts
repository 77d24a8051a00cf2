import { chunkText, type ChunkOptions } from "../core/chunk";
import { addChunkedDocuments } from "./chunks";
import type { DbContext } from "./context";
import { pairsOfDocument } from "./cursor";
import type { ChunkRow, DocumentRow, PairRow, ResultRow } from "./schema";
import { guardWrite } from "./storage-error";
import { resolveRows } from "./sweeps";

export interface NewDocument {
  projectId: string;
  title: string;
  text: string;
  source: DocumentRow["source"];
}

/** The reference's limits, measured in words: what a document is chunked with by default. */
export const DEFAULT_CHUNKING: ChunkOptions = {
  maxModelLen: 4096,
  maxNewTokens: 400,
  budget: "words",
};

/**
 * Stores one document (kept even when its text duplicates another: adding it was explicit)
 * with its chunks, cut on the main thread: fine for pasted text, while bulk imports chunk in
 * the ingest worker and call addChunkedDocuments.
 */
export async function createDocument(
  ctx: DbContext,
  input: NewDocument,
  chunking: ChunkOptions = DEFAULT_CHUNKING,
): Promise<DocumentRow> {
  const { added } = await addChunkedDocuments(
    ctx,
    input.projectId,
    [
      {
        title: input.title,
        text: input.text,
        source: input.source,
        chunks: chunkText(input.text, chunking),
        budgetMode: chunking.budget === "words" ? "words" : "tokens",
      },
    ],
    { keepDuplicates: true },
  );
  const row = added[0];
  if (!row) throw new Error("The document was not stored.");
  return row;
}

export async function renameDocument(ctx: DbContext, id: string, title: string): Promise<void> {
  const trimmed = title.trim();
  if (trimmed === "") return;
  await guardWrite(() => ctx.db.documents.update(id, { title: trimmed, updatedAt: ctx.now() }));
}

/** Everything a deleted document owned, kept in memory so the delete can be undone. */
export interface DeletedDocument {
  document: DocumentRow;
  chunks: ChunkRow[];
  results: ResultRow[];
  pairs: PairRow[];
}

/** Deletes a document with its results and pairs in one transaction; returns them for undo. */
export async function deleteDocument(ctx: DbContext, id: string): Promise<DeletedDocument | null> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.documents, db.chunks, db.results, db.pairs, db.sweeps, async () => {
      const document = await db.documents.get(id);
      if (!document) return null;
      const chunks = await db.chunks
        .where("[documentId+index]")
        .between([id, -Infinity], [id, Infinity])
        .toArray();
      const results = await db.results.where("documentId").equals(id).toArray();
      // Resolved: a pending sweep may be folded and gone before the document comes back.
      const pairs = await resolveRows(ctx, await pairsOfDocument(ctx, id).toArray());
      await pairsOfDocument(ctx, id).delete();
      await db.results.where("documentId").equals(id).delete();
      await db.chunks.bulkDelete(chunks.map((c) => c.id));
      await db.documents.delete(id);
      return { document, chunks, results, pairs };
    }),
  );
}

export async function restoreDocument(ctx: DbContext, deleted: DeletedDocument): Promise<void> {
  const { db } = ctx;
  await guardWrite(() =>
    db.transaction("rw", db.documents, db.chunks, db.results, db.pairs, async () => {
      await db.documents.put(deleted.document);
      await db.chunks.bulkPut(deleted.chunks);
      await db.results.bulkPut(deleted.results);
      await db.pairs.bulkPut(deleted.pairs);
    }),
  );
}

export function listDocuments(ctx: DbContext, projectId: string): Promise<DocumentRow[]> {
  return ctx.db.documents
    .where("[projectId+createdAt]")
    .between([projectId, -Infinity], [projectId, Infinity])
    .toArray();
}

/**
 * The id and title of every document of the project, read from the `[projectId+title]` index's
 * keys alone: reading the rows would read every document's text. A key cursor, one step per
 * document, so the page's thread sees small events rather than one long read.
 */
export async function projectTitles(
  ctx: DbContext,
  projectId: string,
): Promise<Map<string, string>> {
  if (!ctx.db.isOpen()) await ctx.db.open();
  const request = ctx.db
    .backendDB()
    .transaction("documents", "readonly")
    .objectStore("documents")
    .index("[projectId+title]")
    .openKeyCursor(IDBKeyRange.bound([projectId], [projectId, []]));
  const titles = new Map<string, string>();
  return new Promise((resolve, reject) => {
    request.onerror = () => reject(request.error ?? new Error("Reading the titles failed."));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(titles);
      const [, title] = cursor.key as [string, string];
      titles.set(cursor.primaryKey as string, title);
      cursor.continue();
    };
  });
}
