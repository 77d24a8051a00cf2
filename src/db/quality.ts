import type { DbContext } from "./context";
import { walkProjectPairs } from "./cursor";
import type { DuplicateMark, PairRow, StoredQuality } from "./schema";
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
 * and are scored again), and stores the duplicate `marks` given for any of the same pairs, in
 * one read and one write of those rows. Returns how many scores were stored.
 */
export async function saveScores(
  ctx: DbContext,
  scores: readonly Score[],
  marks: ReadonlyMap<string, DuplicateMark | null> = new Map(),
): Promise<number> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, async () => {
      const rows = await db.pairs.bulkGet(scores.map((s) => s.id));
      const t = ctx.now();
      const puts: PairRow[] = [];
      let scored = 0;
      rows.forEach((row, i) => {
        const score = scores[i];
        if (!row || !score) return;
        const next: PairRow = { ...row };
        const fresh = row.updatedAt === score.updatedAt;
        if (fresh) {
          next.quality = score.quality;
          delete next.stale;
          scored++;
        }
        const mark = marks.get(row.id);
        const marked = mark !== undefined && !sameMark(row.duplicate, mark);
        if (marked) {
          if (mark) next.duplicate = mark;
          else delete next.duplicate;
        }
        if (fresh || marked) puts.push({ ...next, updatedAt: t });
      });
      await db.pairs.bulkPut(puts);
      return scored;
    }),
  );
}

/**
 * A page of a project's questions in id order, for loading the near-duplicate index: the next
 * `limit` after the pair `after` (from the start when null). Each page starts where the last one
 * ended, so loading a large project costs one walk over it, not one walk per page.
 */
export async function questionsPage(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  limit: number,
): Promise<{ id: string; question: string; duplicate?: DuplicateMark }[]> {
  const page: { id: string; question: string; duplicate?: DuplicateMark }[] = [];
  await walkProjectPairs(ctx, projectId, after, ({ id, question, duplicate }) => {
    page.push(duplicate ? { id, question, duplicate } : { id, question });
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
    total: await db.pairs.where("projectId").equals(projectId).count(),
  }));
}

/** Sets or clears (`null`) duplicate marks; unchanged and missing pairs are skipped. */
export async function saveDuplicateMarks(
  ctx: DbContext,
  marks: readonly { id: string; duplicate: DuplicateMark | null }[],
): Promise<number> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, async () => {
      const rows = await db.pairs.bulkGet(marks.map((m) => m.id));
      const t = ctx.now();
      const puts: PairRow[] = [];
      rows.forEach((row, i) => {
        const mark = marks[i]?.duplicate ?? null;
        if (!row || sameMark(row.duplicate, mark)) return;
        const next: PairRow = { ...row, updatedAt: t };
        if (mark) next.duplicate = mark;
        else delete next.duplicate;
        puts.push(next);
      });
      await db.pairs.bulkPut(puts);
      return puts.length;
    }),
  );
}

export function sameMark(a: DuplicateMark | undefined | null, b: DuplicateMark | null): boolean {
  return (a ?? null) === null
    ? b === null
    : b !== null && a?.kind === b.kind && a.group === b.group;
}
