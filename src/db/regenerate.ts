import type { RowChange } from "../core/history";
import type { SynthesisOutcome } from "../core/synthesize";
import type { DbContext } from "./context";
import { beginStep, type HistoryScope } from "./history";
import { modelPairRows } from "./pairs";
import type { EntryLink, PairRow, ResultRow } from "./schema";
import { guardWrite } from "./storage-error";
import { resolveRows } from "./sweeps";

/*
 * Regenerating one chunk: the curator ran the engine on a chunk again, looked at the new pairs
 * next to the current ones, and chose to replace the chunk's model pairs or to add the new ones.
 * The result, the new pairs, the removals and the undo history commit in one transaction.
 */

/** `replace` removes the chunk's replaceable model pairs; `append` keeps every current pair. */
export type RegenerateMode = "replace" | "append";

/**
 * Whether "replace" removes this pair. The curator's work stays: pairs written by hand, pairs
 * whose text was edited, and pairs accepted as they are. Pending and rejected model pairs go.
 */
export function replacedByRegeneration(pair: PairRow): boolean {
  return pair.origin === "model" && !pair.edited && pair.status !== "accepted";
}

export interface RegenerateInput {
  chunkId: string;
  mode: RegenerateMode;
  prompt: string;
  engineId: string;
  modelId: string;
  settings: ResultRow["settings"];
  /** What the engine returned; only a finished run (no error) should be committed. */
  outcome: SynthesisOutcome;
  /** The label of the undo step, e.g. "Regenerate chunk 2". */
  label: string;
}

export interface Regeneration {
  result: ResultRow;
  added: PairRow[];
  removed: PairRow[];
}

/**
 * Stores a regeneration as ONE undoable step: the new result, its pairs (stale until scored)
 * and, for "replace", the removal of the pairs {@link replacedByRegeneration} picks. Undo
 * restores the removed pairs and takes the new ones away; the result row stays as a record of
 * the run. The prompt had no demonstrations, so the new result does not inherit from the
 * chunk's previous collection entry; whether the next round used this chunk is kept.
 */
export async function commitRegeneration(
  ctx: DbContext,
  scope: HistoryScope,
  input: RegenerateInput,
): Promise<Regeneration> {
  const { db } = ctx;
  const done = await guardWrite(() =>
    db.transaction("rw", [db.chunks, db.results, db.pairs, db.sweeps, db.history], async () => {
      const chunk = await db.chunks.get(input.chunkId);
      if (!chunk) return null;
      const t = ctx.now();
      const previous = await latestFinished(ctx, chunk.id);
      const link: EntryLink = {
        demonstrations: 0,
        inheritsFromPrevious: false,
        followedByNext: previous?.link?.followedByNext ?? false,
      };
      const result: ResultRow = {
        id: ctx.newId(),
        projectId: chunk.projectId,
        documentId: chunk.documentId,
        chunkId: chunk.id,
        link,
        prompt: input.prompt,
        rawOutput: input.outcome.rawOutput,
        finishReason: input.outcome.finishReason,
        ...(input.outcome.usage ? { usage: input.outcome.usage } : {}),
        ...(input.outcome.error ? { error: input.outcome.error } : {}),
        engineId: input.engineId,
        modelId: input.modelId,
        settings: input.settings,
        state: stateOf(input.outcome),
        startedAt: input.outcome.startedAt,
        finishedAt: input.outcome.finishedAt,
      };

      // Resolved: "replace" keeps pairs accepted by a bulk action still pending as a sweep.
      const current = await resolveRows(
        ctx,
        await db.pairs.where("chunkId").equals(chunk.id).sortBy("index"),
      );
      const removed = input.mode === "replace" ? current.filter(replacedByRegeneration) : [];
      const indexes = await newIndexes(ctx, chunk.documentId, current, input.outcome.pairs.length);
      const added = modelPairRows(ctx, result, input.outcome.pairs, 0, t).map((p, i) => ({
        ...p,
        index: indexes[i] ?? p.index,
      }));

      await db.results.add(result);
      if (removed.length > 0) await db.pairs.bulkDelete(removed.map((p) => p.id));
      if (added.length > 0) await db.pairs.bulkAdd(added);
      const changes: RowChange<PairRow>[] = [
        ...removed.map((p) => ({ id: p.id, before: { ...p }, after: null })),
        ...added.map((p) => ({ id: p.id, before: null, after: { ...p } })),
      ];
      if (changes.length > 0) {
        const step = await beginStep(ctx, scope);
        await db.history.add({ ...scope, step, label: input.label, at: t, changes, undone: 0 });
      }
      return { result, added, removed };
    }),
  );
  if (!done) throw new Error("This chunk no longer exists: its document was deleted or re-cut.");
  return done;
}

/** The same rule as a batch commit: finished when the model stopped or hit its token limit. */
function stateOf(outcome: SynthesisOutcome): ResultRow["state"] {
  if (outcome.finishReason === "stop" || outcome.finishReason === "length") return "done";
  return outcome.rawOutput.trim() === "" && outcome.error ? "failed" : "incomplete";
}

async function latestFinished(ctx: DbContext, chunkId: string): Promise<ResultRow | undefined> {
  const results = await ctx.db.results.where("chunkId").equals(chunkId).toArray();
  return results
    .filter((r) => r.state === "done")
    .sort((a, b) => a.startedAt - b.startedAt)
    .at(-1);
}

/**
 * Indexes for `count` new pairs: right after the chunk's last current pair, before the next pair
 * of the document, so the list keeps them next to their chunk's other pairs. Indexes only order
 * the list, so fractions between two neighbours are fine; with no pair after, they count on.
 */
async function newIndexes(
  ctx: DbContext,
  documentId: string,
  chunkPairs: readonly PairRow[],
  count: number,
): Promise<number[]> {
  const all = ctx.db.pairs
    .where("[documentId+index]")
    .between([documentId, -Infinity], [documentId, Infinity]);
  const last = await all.clone().last();
  const lastOfDocument = last?.index ?? -1;
  const anchor = chunkPairs.at(-1)?.index;
  const next =
    anchor === undefined
      ? undefined
      : await ctx.db.pairs
          .where("[documentId+index]")
          .between([documentId, anchor], [documentId, Infinity], false, true)
          .first();
  if (anchor === undefined || next === undefined) {
    return Array.from({ length: count }, (_, i) => lastOfDocument + 1 + i);
  }
  const step = (next.index - anchor) / (count + 1);
  return Array.from({ length: count }, (_, i) => anchor + step * (i + 1));
}
