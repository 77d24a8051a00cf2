import { Dexie } from "dexie";
import { roundSlices } from "../core/rounds";
import type { DbContext } from "./context";
import type { ChunkRow, JobRow, JobSettings, TaskRow } from "./schema";
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
