import type { ExportDocument } from "../core/project-export";
import type { DbContext } from "./context";
import { listDocuments } from "./documents";

/** Reads a project's documents and pairs in one read transaction, in creation order. */
export async function readProjectForExport(
  ctx: DbContext,
  projectId: string,
): Promise<ExportDocument[]> {
  const { db } = ctx;
  return db.transaction("r", db.documents, db.pairs, async () => {
    const docs = await listDocuments(ctx, projectId);
    const pairs = await db.pairs.where("projectId").equals(projectId).toArray();
    const byDoc = new Map<string, typeof pairs>();
    for (const p of pairs) {
      const list = byDoc.get(p.documentId) ?? [];
      list.push(p);
      byDoc.set(p.documentId, list);
    }
    return docs.map((d) => ({
      title: d.title,
      text: d.text,
      pairs: (byDoc.get(d.id) ?? [])
        .sort((a, b) => a.index - b.index)
        .map((p) => ({ question: p.question, answer: p.answer, status: p.status })),
    }));
  });
}
