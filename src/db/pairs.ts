import type { DbContext } from "./context";
import type { Pair } from "../core/types";
import type { PairRow, PairStatus, ResultRow } from "./schema";
import { guardWrite } from "./storage-error";
import { withMarks } from "./marks";
import { resolveRows } from "./sweeps";

export interface PairPatch {
  question?: string;
  answer?: string;
  status?: PairStatus;
}

/**
 * Applies an edit without recording history (imports and tests; the studio's curation goes
 * through curation.ts). Changing the text marks the pair edited, so retries never overwrite it,
 * and stale, so its quality is scored again.
 */
export async function updatePair(ctx: DbContext, id: string, patch: PairPatch): Promise<void> {
  const { db } = ctx;
  await guardWrite(() =>
    db.transaction("rw", db.pairs, async () => {
      const pair = await db.pairs.get(id);
      if (!pair) return;
      const textChanged =
        (patch.question !== undefined && patch.question !== pair.question) ||
        (patch.answer !== undefined && patch.answer !== pair.answer);
      await db.pairs.update(id, {
        ...patch,
        edited: pair.edited || textChanged,
        ...(textChanged ? { stale: 1 as const } : {}),
        updatedAt: ctx.now(),
      });
    }),
  );
}

/** A document's pairs in order, with their statuses resolved (db/sweeps.ts) and their marks. */
export function listPairs(ctx: DbContext, documentId: string): Promise<PairRow[]> {
  const { db } = ctx;
  return db.transaction("r", db.pairs, db.sweeps, db.marks, async () =>
    withMarks(
      ctx,
      await resolveRows(
        ctx,
        await db.pairs
          .where("[documentId+index]")
          .between([documentId, -Infinity], [documentId, Infinity])
          .toArray(),
      ),
    ),
  );
}

/** New, unreviewed rows for the pairs a result produced, numbered from `firstIndex`. */
export function modelPairRows(
  ctx: Pick<DbContext, "newId">,
  result: Pick<ResultRow, "id" | "projectId" | "documentId" | "chunkId">,
  pairs: readonly Pair[],
  firstIndex: number,
  t: number,
): PairRow[] {
  return pairs.map((p, i) => ({
    id: ctx.newId(),
    projectId: result.projectId,
    documentId: result.documentId,
    chunkId: result.chunkId,
    resultId: result.id,
    index: firstIndex + i,
    question: p.question,
    answer: p.answer,
    status: "pending",
    edited: false,
    origin: "model",
    createdAt: t,
    updatedAt: t,
    stale: 1,
  }));
}
