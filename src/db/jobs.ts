import { Dexie } from "dexie";
import { roundSlices } from "../core/rounds";
import type { SynthesisOutcome } from "../core/synthesize";
import type { DbContext } from "./context";
import { finishResult, runningResult, type StartResult } from "./results";
import type {
  ChunkRow,
  EntryLink,
  JobRow,
  JobSettings,
  PairRow,
  ResultRow,
  TaskRow,
} from "./schema";
import { guardWrite } from "./storage-error";

/*
 * The persisted job queue. A job is a batch run over chunks; its tasks are one chunk of one
 * round each. Every state change is a Dexie write, so a reload, a tab crash or a lost engine
 * loses at most the output in flight, and the runner picks up where the database says.
 */

/** A failed task is retried automatically this many times before it stays failed. */
export const AUTO_RETRIES = 1;

/** Jobs the runner should work on (or show as resumable). */
const ACTIVE: readonly JobRow["state"][] = ["queued", "running", "paused"];

/**
 * Queues a job over `chunks` (in planner order) with a task for every chunk of every round.
 * All tasks are created at once so progress has a fixed total from the start.
 */
export async function createJob(
  ctx: DbContext,
  input: {
    projectId: string;
    chunks: readonly Pick<ChunkRow, "id" | "documentId">[];
    settings: JobSettings;
  },
): Promise<JobRow> {
  const { db } = ctx;
  const t = ctx.now();
  const job: JobRow = {
    id: ctx.newId(),
    projectId: input.projectId,
    chunkIds: input.chunks.map((c) => c.id),
    settings: { ...input.settings },
    state: "queued",
    createdAt: t,
    updatedAt: t,
  };
  const tasks: TaskRow[] = [];
  for (const slice of roundSlices(input.chunks.length, input.settings.rounds)) {
    for (let position = slice.start; position < slice.end; position++) {
      const chunk = input.chunks[position];
      if (!chunk) continue;
      tasks.push({
        id: ctx.newId(),
        jobId: job.id,
        projectId: input.projectId,
        round: slice.round,
        position,
        chunkId: chunk.id,
        documentId: chunk.documentId,
        state: "queued",
        attempts: 0,
        updatedAt: t,
      });
    }
  }
  await guardWrite(() =>
    db.transaction("rw", db.jobs, db.tasks, async () => {
      await db.jobs.add(job);
      await db.tasks.bulkAdd(tasks);
    }),
  );
  return job;
}

/**
 * The chunks of a project (or of some of its documents) that have no finished result and are
 * not waiting in an active job: what "synthesize everything pending" means, and "synthesize
 * the selected documents". In document order, then chunk order. A selection reads only the
 * selected documents' chunks.
 */
export async function pendingChunks(
  ctx: DbContext,
  projectId: string,
  documentIds?: readonly string[],
): Promise<ChunkRow[]> {
  const { db } = ctx;
  return db.transaction("r", [db.documents, db.chunks, db.results, db.jobs, db.tasks], async () => {
    const docs = await db.documents
      .where("[projectId+createdAt]")
      .between([projectId, -Infinity], [projectId, Infinity])
      .primaryKeys();
    const wanted = documentIds ? new Set(documentIds) : null;
    const order = new Map<string, number>();
    docs.forEach((id, i) => {
      if (!wanted || wanted.has(id)) order.set(id, i);
    });
    if (order.size === 0) return [];
    const taken = await takenChunkIds(ctx, projectId);
    const chunks = wanted
      ? (
          await Promise.all(
            [...order.keys()].map((id) =>
              db.chunks
                .where("[documentId+index]")
                .between([id, -Infinity], [id, Infinity])
                .toArray(),
            ),
          )
        ).flat()
      : await db.chunks.where("projectId").equals(projectId).toArray();
    return chunks
      .filter((c) => order.has(c.documentId) && !taken.has(c.id))
      .sort(
        (a, b) =>
          (order.get(a.documentId) ?? 0) - (order.get(b.documentId) ?? 0) || a.index - b.index,
      );
  });
}

/**
 * How many chunks {@link pendingChunks} would queue (of the project, or of some of its
 * documents), read from index keys only (no row is loaded), so the batch bar can keep it live
 * on a 10,000-document project.
 */
export async function countPendingChunks(
  ctx: DbContext,
  projectId: string,
  documentIds?: readonly string[],
): Promise<number> {
  const { db } = ctx;
  return db.transaction("r", [db.chunks, db.results, db.jobs, db.tasks], async () => {
    const chunkIds = documentIds
      ? (
          await Promise.all(
            [...new Set(documentIds)].map((id) =>
              db.chunks
                .where("[documentId+index]")
                .between([id, -Infinity], [id, Infinity])
                .primaryKeys(),
            ),
          )
        ).flat()
      : await db.chunks.where("projectId").equals(projectId).primaryKeys();
    if (chunkIds.length === 0) return 0;
    const taken = await takenChunkIds(ctx, projectId);
    return chunkIds.filter((id) => !taken.has(id)).length;
  });
}

/**
 * The project's chunks that are not pending: with a finished result, or waiting in an active
 * job. Index keys only; call inside a read transaction over chunks, results, jobs and tasks.
 */
async function takenChunkIds(ctx: DbContext, projectId: string): Promise<Set<string>> {
  const { db } = ctx;
  const taken = new Set<string>();
  const done = await db.results
    .where("[projectId+state+chunkId]")
    .between([projectId, "done", Dexie.minKey], [projectId, "done", Dexie.maxKey])
    .keys();
  for (const k of done) taken.add(thirdPart(k));
  const jobs = await db.jobs.where("projectId").equals(projectId).toArray();
  for (const job of jobs.filter((j) => ACTIVE.includes(j.state))) {
    for (const state of ["queued", "running", "failed"] as const) {
      const keys = await db.tasks
        .where("[jobId+state+chunkId]")
        .between([job.id, state, Dexie.minKey], [job.id, state, Dexie.maxKey])
        .keys();
      for (const k of keys) taken.add(thirdPart(k));
    }
  }
  return taken;
}

/** The chunk id in a compound index key `[…, …, chunkId]`. */
function thirdPart(key: unknown): string {
  return Array.isArray(key) ? String(key[2]) : "";
}

export function getJob(ctx: DbContext, id: string): Promise<JobRow | undefined> {
  return ctx.db.jobs.get(id);
}

/** The project's newest job, whatever its state, for the progress panel. */
export function latestJob(ctx: DbContext, projectId: string): Promise<JobRow | undefined> {
  return ctx.db.jobs
    .where("[projectId+createdAt]")
    .between([projectId, -Infinity], [projectId, Infinity])
    .last();
}

/** The oldest job still queued or running: the one the runner continues after a reload. */
export async function nextRunnableJob(
  ctx: DbContext,
  projectId: string,
): Promise<JobRow | undefined> {
  const jobs = await ctx.db.jobs
    .where("[projectId+createdAt]")
    .between([projectId, -Infinity], [projectId, Infinity])
    .toArray();
  return jobs.find((j) => j.state === "queued" || j.state === "running");
}

export function roundTasks(ctx: DbContext, jobId: string, round: number): Promise<TaskRow[]> {
  return ctx.db.tasks
    .where("[jobId+round]")
    .equals([jobId, round])
    .toArray()
    .then((tasks) => tasks.sort((a, b) => a.position - b.position));
}

export function jobTasks(ctx: DbContext, jobId: string): Promise<TaskRow[]> {
  return ctx.db.tasks.where("jobId").equals(jobId).toArray();
}

export async function setJobState(
  ctx: DbContext,
  id: string,
  state: JobRow["state"],
  pauseReason?: string,
): Promise<void> {
  const t = ctx.now();
  await guardWrite(() =>
    ctx.db.jobs.update(id, {
      state,
      pauseReason,
      updatedAt: t,
      ...(state === "done" || state === "cancelled" ? { finishedAt: t } : {}),
    }),
  );
}

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
 * than its rows. Each commit still holds everything of its chunk (see {@link commitTask}), and
 * a failure or a full disk leaves all of the batch or none of it, so a chunk is never half
 * stored, lost once stored, or stored twice. Returns each write's new pairs (none for a claim).
 */
export async function writeTaskBatch(
  ctx: DbContext,
  writes: readonly TaskWrite[],
): Promise<{ task: TaskRow; pairs: PairRow[] }[]> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.tasks, db.results, db.pairs, async () => {
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
 * Marks a task running, counts the attempt, and records its result as running, in ONE
 * transaction: a reload after this point finds both and puts the task back in the queue.
 */
export async function claimTask(
  ctx: DbContext,
  task: TaskRow,
  start: StartResult,
): Promise<{ task: TaskRow; result: ResultRow }> {
  const claim = prepareClaim(ctx, task, start);
  await writeTaskBatch(ctx, [{ kind: "claim", claim }]);
  return claim;
}

/**
 * Commits a chunk's synthesis in ONE transaction: the result (raw output, usage, link), its
 * pairs, the task's new state and, when the prompt had demonstrations, `followedByNext` on the
 * entry they came from. A full disk or a crash leaves all of it or none of it.
 *
 * `failed`: the outcome is an engine failure. The partial output is still stored; the task
 * goes back to the queue while automatic retries remain, else it stays failed with the reason.
 */
export async function commitTask(
  ctx: DbContext,
  task: TaskRow,
  result: ResultRow,
  outcome: SynthesisOutcome,
  link: EntryLink,
): Promise<{ task: TaskRow; pairs: PairRow[] }> {
  const [out] = await writeTaskBatch(ctx, [
    { kind: "commit", commit: { task, result, outcome, link } },
  ]);
  if (!out) throw new Error("commitTask: nothing was written");
  return out;
}

/** One chunk's commit, inside the caller's transaction over tasks, results and pairs. */
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

/** "Retry failed": failed tasks go back to the queue with fresh attempts, and the job with them. */
export async function retryFailedTasks(ctx: DbContext, jobId: string): Promise<number> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.jobs, db.tasks, async () => {
      const failed = await db.tasks
        .where("jobId")
        .equals(jobId)
        .filter((t) => t.state === "failed")
        .toArray();
      const t = ctx.now();
      await db.tasks.bulkPut(
        failed.map((task) => ({ ...task, state: "queued", attempts: 0, updatedAt: t })),
      );
      await db.jobs.update(jobId, { state: "queued", pauseReason: undefined, updatedAt: t });
      return failed.length;
    }),
  );
}

/**
 * After a reload or crash: work in flight goes back to the queue without counting the attempt,
 * and jobs that were running are queued to resume. Their interrupted results are superseded
 * when the chunk is synthesized again (see finishResult), so nothing is duplicated.
 */
export async function recoverInterruptedJobs(ctx: DbContext): Promise<number> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.jobs, db.tasks, async () => {
      const t = ctx.now();
      const running = await db.tasks.where("state").equals("running").toArray();
      await db.tasks.bulkPut(
        running.map((task) => ({
          ...task,
          state: "queued",
          attempts: Math.max(0, task.attempts - 1),
          updatedAt: t,
        })),
      );
      await db.jobs.where("state").equals("running").modify({ state: "queued", updatedAt: t });
      return running.length;
    }),
  );
}

/** Task counts for a job's progress bar. */
export interface JobCounts {
  total: number;
  done: number;
  failed: number;
  running: number;
  queued: number;
}

/** Counted on the [jobId+state] index, without reading rows, in one read transaction. */
export async function countTasks(ctx: DbContext, jobId: string): Promise<JobCounts> {
  const { db } = ctx;
  return db.transaction("r", db.tasks, async () => {
    const count = (state: TaskRow["state"]) =>
      db.tasks.where("[jobId+state]").equals([jobId, state]).count();
    const [done, failed, running, queued] = await Promise.all([
      count("done"),
      count("failed"),
      count("running"),
      count("queued"),
    ]);
    return { total: done + failed + running + queued, done, failed, running, queued };
  });
}
