import type { SynthesisOutcome } from "../core/synthesize";
import type { DbContext } from "./context";
import type { PairRow, ResultRow, ResultState } from "./schema";
import { modelPairRows } from "./pairs";
import { guardWrite } from "./storage-error";
import { resolveRows } from "./sweeps";

export interface StartResult {
  projectId: string;
  documentId: string;
  chunkId: string;
  jobId?: string;
  round?: number;
  link?: ResultRow["link"];
  prompt: string;
  engineId: string;
  modelId: string;
  settings: ResultRow["settings"];
}

/**
 * Records a synthesis as running before the first token, so a reload mid-stream leaves a trace
 * (with the partial output saved so far) instead of nothing.
 */
export async function startResult(ctx: DbContext, input: StartResult): Promise<ResultRow> {
  const row = runningResult(ctx, input);
  await guardWrite(() => ctx.db.results.add(row));
  return row;
}

/** The row {@link startResult} adds, built without writing (the job queue adds it in batches). */
export function runningResult(ctx: DbContext, input: StartResult): ResultRow {
  return {
    ...input,
    id: ctx.newId(),
    rawOutput: "",
    finishReason: null,
    state: "running",
    startedAt: ctx.now(),
  };
}

/** Saves streamed text so far. Callers throttle this (about once a second). */
export async function savePartialOutput(
  ctx: DbContext,
  id: string,
  rawOutput: string,
): Promise<void> {
  await guardWrite(() => ctx.db.results.update(id, { rawOutput }));
}

function stateOf(outcome: SynthesisOutcome): ResultState {
  if (outcome.finishReason === "stop" || outcome.finishReason === "length") return "done";
  return outcome.rawOutput.trim() === "" && outcome.error ? "failed" : "incomplete";
}

/**
 * Stores a finished synthesis and its pairs in ONE transaction, so a failure or a full disk
 * leaves either both or neither. Untouched model pairs of earlier unfinished results for the
 * same chunk are replaced (that is what "retry" means); reviewed or edited pairs are kept, and
 * an unfinished result left with no pair is removed, so a retried chunk keeps one result.
 * Callers may wrap this in a larger transaction (the job queue commits its task with it).
 */
export async function finishResult(
  ctx: DbContext,
  result: ResultRow,
  outcome: SynthesisOutcome,
): Promise<PairRow[]> {
  const { db } = ctx;
  const t = ctx.now();
  const done: ResultRow = {
    ...result,
    rawOutput: outcome.rawOutput,
    finishReason: outcome.finishReason,
    usage: outcome.usage,
    error: outcome.error,
    state: stateOf(outcome),
    finishedAt: outcome.finishedAt,
  };
  return guardWrite(() =>
    db.transaction("rw", db.results, db.pairs, db.sweeps, async () => {
      // The reads go out together and the writes together: each await in a transaction is a
      // round trip to the browser's database, and the batch queue commits here once per chunk.
      const [earlier, existing, firstIndex] = await Promise.all([
        db.results.where("chunkId").equals(result.chunkId).toArray(),
        db.pairs.where("chunkId").equals(result.chunkId).toArray(),
        nextPairIndex(ctx, result.documentId),
      ]);
      const superseded = new Set(
        earlier.filter((r) => r.id !== result.id && r.state !== "done").map((r) => r.id),
      );
      const candidates = existing.filter(
        (p) => p.resultId !== undefined && superseded.has(p.resultId),
      );
      // Statuses are resolved only when there is something to replace: this runs once per chunk.
      const replaceable =
        candidates.length === 0 ? [] : (await resolveRows(ctx, candidates)).filter(isUntouched);
      const replacedIds = new Set(replaceable.map((p) => p.id));
      const kept = existing.filter((p) => !replacedIds.has(p.id));
      const stillOwning = new Set(kept.map((p) => p.resultId));
      const orphaned = [...superseded].filter((id) => !stillOwning.has(id));
      const pairs = modelPairRows(ctx, result, outcome.pairs, firstIndex, t);
      // Empty deletes are skipped: most commits replace nothing.
      await Promise.all([
        replaceable.length > 0 ? db.pairs.bulkDelete([...replacedIds]) : undefined,
        orphaned.length > 0 ? db.results.bulkDelete(orphaned) : undefined,
        db.pairs.bulkAdd(pairs),
        db.results.put(done),
      ]);
      return pairs;
    }),
  );
}

/** Pair indexes run through the whole document, so its pairs list in chunk and output order. */
async function nextPairIndex(ctx: DbContext, documentId: string): Promise<number> {
  const last = await ctx.db.pairs
    .where("[documentId+index]")
    .between([documentId, -Infinity], [documentId, Infinity])
    .last();
  return last ? last.index + 1 : 0;
}

function isUntouched(p: PairRow): boolean {
  return p.origin === "model" && !p.edited && p.status === "pending";
}

/**
 * After a reload or crash, results left "running" cannot finish: mark them incomplete (their
 * saved partial output stays) so the UI offers a retry. Returns how many were recovered.
 */
export async function recoverInterruptedResults(ctx: DbContext): Promise<number> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.results, async () => {
      const running = await db.results.where("state").equals("running").toArray();
      for (const r of running) {
        await db.results.update(r.id, {
          state: "incomplete",
          finishReason: "abort",
          finishedAt: ctx.now(),
          error: {
            kind: "interrupted",
            message:
              "Synthesis was interrupted (the page was closed or reloaded). Retry to finish it.",
            detail: "",
          },
        });
      }
      return running.length;
    }),
  );
}

export function latestResult(ctx: DbContext, documentId: string): Promise<ResultRow | undefined> {
  return ctx.db.results
    .where("[documentId+startedAt]")
    .between([documentId, -Infinity], [documentId, Infinity])
    .last();
}
