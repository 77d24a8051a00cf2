import { useLiveQuery } from "dexie-react-hooks";
import type { ResultState } from "../../db";
import { listDocuments } from "../../db";
import { studio } from "../../db/studio";

export interface DocumentListItem {
  id: string;
  title: string;
  chars: number;
  pairs: number;
  accepted: number;
  /** Latest synthesis state, or "pending" before the first run. */
  status: ResultState | "pending";
}

/** The project's documents with status and pair counts, kept live from Dexie. */
export function useDocumentList(projectId: string | null): DocumentListItem[] | undefined {
  return useLiveQuery(async () => {
    if (!projectId) return [];
    const { db } = studio;
    const [docs, results, pairs] = await Promise.all([
      listDocuments(studio, projectId),
      db.results.where("projectId").equals(projectId).toArray(),
      db.pairs.where("projectId").equals(projectId).toArray(),
    ]);
    const latest = new Map<string, { startedAt: number; state: ResultState }>();
    for (const r of results) {
      const prev = latest.get(r.documentId);
      if (!prev || r.startedAt >= prev.startedAt) latest.set(r.documentId, r);
    }
    const counts = new Map<string, { pairs: number; accepted: number }>();
    for (const p of pairs) {
      const c = counts.get(p.documentId) ?? { pairs: 0, accepted: 0 };
      c.pairs++;
      if (p.status === "accepted") c.accepted++;
      counts.set(p.documentId, c);
    }
    return docs.map((d) => ({
      id: d.id,
      title: d.title,
      chars: d.text.length,
      pairs: counts.get(d.id)?.pairs ?? 0,
      accepted: counts.get(d.id)?.accepted ?? 0,
      status: latest.get(d.id)?.state ?? "pending",
    }));
  }, [projectId]);
}
