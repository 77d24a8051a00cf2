import type { DbContext } from "./context";
import type { Pair } from "../core/types";
import type { PairRow, PairStatus, ResultRow } from "./schema";
import { guardWrite } from "./storage-error";

export interface PairPatch {
  question?: string;
  answer?: string;
  status?: PairStatus;
}

/** Applies an edit. Changing the text marks the pair edited, so retries never overwrite it. */
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
        updatedAt: ctx.now(),
      });
    }),
  );
}

export async function deletePair(ctx: DbContext, id: string): Promise<PairRow | undefined> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, async () => {
      const pair = await db.pairs.get(id);
      await db.pairs.delete(id);
      return pair;
    }),
  );
}

export async function restorePair(ctx: DbContext, pair: PairRow): Promise<void> {
  await guardWrite(() => ctx.db.pairs.put(pair));
}

export async function addManualPair(
  ctx: DbContext,
  input: {
    projectId: string;
    documentId: string;
    /** Defaults to the document's first chunk. */
    chunkId?: string;
    question: string;
    answer: string;
  },
): Promise<PairRow> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, db.chunks, async () => {
      const chunkId =
        input.chunkId ??
        (
          await db.chunks
            .where("[documentId+index]")
            .between([input.documentId, -Infinity], [input.documentId, Infinity])
            .first()
        )?.id;
      if (chunkId === undefined) throw new Error("This document has no text to attach a pair to.");
      const last = await db.pairs
        .where("[documentId+index]")
        .between([input.documentId, -Infinity], [input.documentId, Infinity])
        .last();
      const t = ctx.now();
      const row: PairRow = {
        ...input,
        chunkId,
        id: ctx.newId(),
        index: last ? last.index + 1 : 0,
        status: "accepted",
        edited: false,
        origin: "manual",
        createdAt: t,
        updatedAt: t,
      };
      await db.pairs.add(row);
      return row;
    }),
  );
}

export function listPairs(ctx: DbContext, documentId: string): Promise<PairRow[]> {
  return ctx.db.pairs
    .where("[documentId+index]")
    .between([documentId, -Infinity], [documentId, Infinity])
    .toArray();
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
  }));
}
