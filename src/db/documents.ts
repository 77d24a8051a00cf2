import { contentHash } from "../core/content-hash";
import type { DbContext } from "./context";
import type { DocumentRow, PairRow, ResultRow } from "./schema";
import { guardWrite } from "./storage-error";

export interface NewDocument {
  projectId: string;
  title: string;
  text: string;
  source: DocumentRow["source"];
}

export async function createDocument(ctx: DbContext, input: NewDocument): Promise<DocumentRow> {
  const t = ctx.now();
  const row: DocumentRow = {
    id: ctx.newId(),
    projectId: input.projectId,
    title: input.title.trim() || "Untitled document",
    source: input.source,
    text: input.text,
    contentHash: contentHash(input.text),
    createdAt: t,
    updatedAt: t,
  };
  await guardWrite(() => ctx.db.documents.add(row));
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
  results: ResultRow[];
  pairs: PairRow[];
}

/** Deletes a document with its results and pairs in one transaction; returns them for undo. */
export async function deleteDocument(ctx: DbContext, id: string): Promise<DeletedDocument | null> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.documents, db.results, db.pairs, async () => {
      const document = await db.documents.get(id);
      if (!document) return null;
      const results = await db.results.where("documentId").equals(id).toArray();
      const pairs = await db.pairs.where("documentId").equals(id).toArray();
      await db.pairs.where("documentId").equals(id).delete();
      await db.results.where("documentId").equals(id).delete();
      await db.documents.delete(id);
      return { document, results, pairs };
    }),
  );
}

export async function restoreDocument(ctx: DbContext, deleted: DeletedDocument): Promise<void> {
  const { db } = ctx;
  await guardWrite(() =>
    db.transaction("rw", db.documents, db.results, db.pairs, async () => {
      await db.documents.put(deleted.document);
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
