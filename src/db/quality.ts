import type { DbContext } from "./context";
import { pairsOfProject, walkProjectPairs } from "./cursor";
import type { PairRow, StoredQuality } from "./schema";
import { guardWrite } from "./storage-error";

/*
 * Storage for the quality keeper (features/curate/quality-keeper.ts): which pairs need scoring,
 * with their chunk's text, and writing scores and duplicate marks back. These writes are not
 * curation, so they record no undo history.
 */

/** A pair to score, as it was when read: a score is kept only if the pair did not change since. */
export interface PairToScore {
  id: string;
  question: string;
  answer: string;
  updatedAt: number;
}

/** The pairs of one chunk to score, with the chunk's text (their grounding source). */
export interface ChunkToScore {
  chunkId: string;
  /** The project of the chunk's pairs. */
  projectId: string;
  text: string;
  pairs: PairToScore[];
}

/** Up to `limit` stale pairs of any project, grouped by chunk. */
export async function staleChunks(ctx: DbContext, limit: number): Promise<ChunkToScore[]> {
  const { db } = ctx;
  return db.transaction("r", db.pairs, db.chunks, db.documents, async () => {
    const pairs = await db.pairs.where("stale").equals(1).limit(limit).toArray();
    const byChunk = new Map<string, PairRow[]>();
    for (const p of pairs) byChunk.set(p.chunkId, [...(byChunk.get(p.chunkId) ?? []), p]);
    const chunkIds = [...byChunk.keys()];
    const chunks = await db.chunks.bulkGet(chunkIds);
    const docIds = [...new Set(chunks.flatMap((c) => (c ? [c.documentId] : [])))];
    const docs = new Map(
      (await db.documents.bulkGet(docIds)).flatMap((d) => (d ? [[d.id, d]] : [])),
    );
    return chunkIds.map((chunkId, i) => {
      const chunk = chunks[i];
      const doc = chunk ? docs.get(chunk.documentId) : undefined;
      return {
        chunkId,
        projectId: byChunk.get(chunkId)?.[0]?.projectId ?? "",
        // A pair whose chunk is gone is still scored (format flags, task type) against no text.
        text: chunk && doc ? doc.text.slice(chunk.start, chunk.end) : "",
        pairs: (byChunk.get(chunkId) ?? []).map(({ id, question, answer, updatedAt }) => ({
          id,
          question,
          answer,
          updatedAt,
        })),
      };
    });
  });
}

export interface Score {
  id: string;
  /** The pair's `updatedAt` when it was read for scoring. */
  updatedAt: number;
  quality: StoredQuality;
}

/**
 * Stores scores and clears `stale`, skipping pairs edited since they were read (they stay stale
 * and are scored again), in one read and one write of those rows. Returns how many were stored.
 */
export async function saveScores(ctx: DbContext, scores: readonly Score[]): Promise<number> {
  let scored = 0;
  await rewritePairs(
    ctx,
    scores.map((s) => s.id),
    (row, i) => {
      const score = scores[i];
      let next = row;
      if (score && row.updatedAt === score.updatedAt) {
        next = { ...row, quality: score.quality };
        delete next.stale;
        scored++;
      }
      return next === row ? undefined : next;
    },
  );
  return scored;
}

/**
 * A page of a project's questions in id order, for loading the near-duplicate index: the next
 * `limit` after the pair `after` (from the start when null). Each page starts where the last one
 * ended, so loading a large project costs one walk over it, not one walk per page. Only the
 * pairs are read (their marks: `projectMarks`), so writing marks meanwhile does not hold it up.
 */
export async function questionsPage(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  limit: number,
): Promise<{ id: string; question: string }[]> {
  const page: { id: string; question: string }[] = [];
  await walkProjectPairs(ctx, projectId, after, ({ id, question }) => {
    page.push({ id, question });
    return page.length < limit ? "next" : "stop";
  });
  return page;
}

/** Pairs waiting for scores (any project) and the project's pairs, in one read. */
export function pairCounts(
  ctx: DbContext,
  projectId: string,
): Promise<{ stale: number; total: number }> {
  const { db } = ctx;
  return db.transaction("r", db.pairs, async () => ({
    stale: await db.pairs.where("stale").equals(1).count(),
    total: await pairsOfProject(ctx, projectId).count(),
  }));
}

/**
 * Reads the pairs `ids` and writes back, with a fresh `updatedAt`, each one `edit` returns a
 * new row for (undefined: leave it), in one transaction. Missing pairs are skipped.
 */
async function rewritePairs(
  ctx: DbContext,
  ids: readonly string[],
  edit: (row: PairRow, i: number) => PairRow | undefined,
): Promise<PairRow[]> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, async () => {
      const rows = await db.pairs.bulkGet([...ids]);
      const t = ctx.now();
      const puts = rows.flatMap((row, i) => {
        const next = row ? edit(row, i) : undefined;
        return next ? [{ ...next, updatedAt: t }] : [];
      });
      await db.pairs.bulkPut(puts);
      return puts;
    }),
  );
}
