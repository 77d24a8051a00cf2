import type { SynthesisOutcome } from "../core/synthesize";
import type { DbContext } from "./context";
import { AUTO_RETRIES } from "./jobs";
import { finishResult, runningResult, type StartResult } from "./results";
import type { EntryLink, PairRow, ResultRow, TaskRow } from "./schema";
import { guardWrite } from "./storage-error";

/*
 * The job queue's writes for one task: its claim before the request, and its commit after,
 * each of them whole or not at all (db/jobs.ts holds the jobs and the queue's reads).
 */

/** A task marked running with its attempt counted, and its result recorded as running. */
export interface TaskClaim {
  task: TaskRow;
  result: ResultRow;
}

/** A chunk's synthesis to commit: the claim it ran under, what came back, and its link. */
export interface TaskCommit extends TaskClaim {
  outcome: SynthesisOutcome;
  link: EntryLink;
}

/** One write of the job queue: see {@link writeTaskBatch}. */
export type TaskWrite =
  { kind: "claim"; claim: TaskClaim } | { kind: "commit"; commit: TaskCommit };

/**
 * Builds a task's claim in memory (nothing is written): the task running with one more
 * attempt, and its result row in state "running". {@link writeTaskBatch} stores it.
 */
export function prepareClaim(ctx: DbContext, task: TaskRow, start: StartResult): TaskClaim {
  const claimed: TaskRow = {
    ...task,
    state: "running",
    attempts: task.attempts + 1,
    updatedAt: ctx.now(),
  };
  return { task: claimed, result: runningResult(ctx, start) };
}

/**
 * The state a claimed task is left in by an outcome: done; back in the queue when paused or
 * cancelled (the attempt is not counted) or after a failure while automatic retries remain;
 * else failed with the reason. Pure, so the runner knows it before the commit is stored.
 */
export function taskAfter(
  task: TaskRow,
  resultId: string,
  outcome: SynthesisOutcome,
  now: number,
): TaskRow {
  if (outcome.finishReason === "abort" && outcome.error === undefined) {
    // Paused or cancelled by the user: not the chunk's fault, so the attempt is not counted.
    return { ...task, state: "queued", attempts: Math.max(0, task.attempts - 1), updatedAt: now };
  }
  if (outcome.error !== undefined && outcome.finishReason !== "abort") {
    const error = { kind: outcome.error.kind, message: outcome.error.message };
    return task.attempts <= AUTO_RETRIES
      ? { ...task, state: "queued", error, resultId, updatedAt: now }
      : { ...task, state: "failed", error, resultId, updatedAt: now };
  }
  const done: TaskRow = { ...task, state: "done", resultId, updatedAt: now };
  delete done.error;
  return done;
}

/**
 * Stores claims and commits of the job queue, in order, in ONE transaction: the queue groups
 * the writes of chunks that finish close together, since a transaction costs the browser more
 * than its rows. Each commit still holds everything of its chunk (see {@link storeCommit}), and
 * a failure or a full disk leaves all of the batch or none of it, so a chunk is never half
 * stored, lost once stored, or stored twice. Returns each write's new pairs (none for a claim).
 */
export async function writeTaskBatch(
  ctx: DbContext,
  writes: readonly TaskWrite[],
): Promise<{ task: TaskRow; pairs: PairRow[] }[]> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.tasks, db.results, db.pairs, db.sweeps, async () => {
      const out: { task: TaskRow; pairs: PairRow[] }[] = [];
      for (const write of writes) {
        if (write.kind === "claim") {
          await Promise.all([db.tasks.put(write.claim.task), db.results.add(write.claim.result)]);
          out.push({ task: write.claim.task, pairs: [] });
        } else {
          out.push(await storeCommit(ctx, write.commit));
        }
      }
      return out;
    }),
  );
}

/**
 * One chunk's commit, inside the caller's transaction over tasks, results and pairs: the result
 * (raw output, usage, link), its pairs, the task's new state and, when the prompt had
 * demonstrations, `followedByNext` on the entry they came from. After an engine failure the
 * partial output is still stored; the task goes back to the queue while automatic retries
 * remain, else it stays failed with the reason.
 */
async function storeCommit(
  ctx: DbContext,
  { task, result, outcome, link }: TaskCommit,
): Promise<{ task: TaskRow; pairs: PairRow[] }> {
  const linked: ResultRow = {
    ...result,
    link: { ...link, inheritsFromPrevious: link.demonstrations > 0 && outcome.pairs.length > 0 },
  };
  const next = taskAfter(task, result.id, outcome, ctx.now());
  // Independent rows, so their round trips overlap.
  const [pairs] = await Promise.all([
    finishResult(ctx, linked, outcome),
    link.demonstrations > 0 && link.previousChunkId !== undefined
      ? markFollowed(ctx, result.jobId, link.previousChunkId)
      : undefined,
    ctx.db.tasks.put(next),
  ]);
  return { task: next, pairs };
}

/** Sets `followedByNext` on the job's finished result for `chunkId`. */
async function markFollowed(ctx: DbContext, jobId: string | undefined, chunkId: string) {
  const prior = await ctx.db.results.where("chunkId").equals(chunkId).toArray();
  const done = prior.filter((r) => r.state === "done" && r.link && r.jobId === jobId);
  for (const r of done) {
    if (r.link) await ctx.db.results.update(r.id, { link: { ...r.link, followedByNext: true } });
  }
}
