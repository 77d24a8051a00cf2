import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_JOB_SETTINGS } from "../core/job-settings";
import type { SynthesisOutcome } from "../core/synthesize";
import { listChunks } from "./chunks";
import type { DbContext } from "./context";
import { createDocument } from "./documents";
import { countPendingChunks, createJob, jobTasks, pendingChunks, setJobState } from "./jobs";
import { ensureDefaultProject } from "./projects";
import { StudioDB, type TaskRow } from "./schema";
import { prepareClaim, taskAfter, writeTaskBatch, type TaskWrite } from "./task-writes";

let ctx: DbContext;
let n = 0;

beforeEach(() => {
  n = 0;
  let t = 1000;
  ctx = { db: new StudioDB(`jobs-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

/** Long enough for several chunks with a small model window. */
const LONG = Array.from({ length: 120 }, (_, i) => `Sentence ${i} talks about rocks.`).join(" ");
const SMALL_WINDOW = { maxModelLen: 160, maxNewTokens: 40, budget: "words" as const };

/** Four documents, the second split into several chunks. */
async function fourDocuments() {
  const project = await ensureDefaultProject(ctx);
  const docs = [];
  for (const [i, text] of [
    "Basalt cools fast.",
    LONG,
    "Granite cools slowly.",
    "Pumice floats.",
  ].entries()) {
    docs.push(
      await createDocument(
        ctx,
        { projectId: project.id, title: `Rock ${i + 1}`, text, source: { kind: "paste" } },
        SMALL_WINDOW,
      ),
    );
  }
  return { projectId: project.id, docs };
}

const outcome = (raw: string): SynthesisOutcome => ({
  prompt: "p",
  rawOutput: raw,
  pairs: [{ question: "Q?", answer: "A." }],
  finishReason: "stop",
  startedAt: 1,
  finishedAt: 2,
});

function claimOf(projectId: string, task: TaskRow) {
  return prepareClaim(ctx, task, {
    projectId,
    documentId: task.documentId,
    chunkId: task.chunkId,
    jobId: task.jobId,
    round: task.round,
    prompt: "p",
    engineId: "test",
    modelId: "m",
    settings: { maxTokens: 40, temperature: 0 },
  });
}

describe("queueing a selection of documents", () => {
  it("queues only the pending chunks of the selected documents, in list order", async () => {
    const { projectId, docs } = await fourDocuments();
    const [d1, d2, d3, d4] = docs.map((d) => d.id);
    const long = await listChunks(ctx, d2 ?? "");
    expect(long.length).toBeGreaterThan(1);

    // Selected out of list order: the queue still follows the list, then chunk order.
    const selected = [d3 ?? "", d2 ?? ""];
    const chunks = await pendingChunks(ctx, projectId, selected);
    expect(chunks.map((c) => c.documentId)).toEqual([...long.map(() => d2), d3]);
    expect(chunks.slice(0, long.length).map((c) => c.index)).toEqual(long.map((c) => c.index));
    expect(await countPendingChunks(ctx, projectId, selected)).toBe(chunks.length);

    const job = await createJob(ctx, {
      projectId,
      chunks,
      settings: DEFAULT_JOB_SETTINGS,
    });
    const tasks = await jobTasks(ctx, job.id);
    expect(new Set(tasks.map((t) => t.documentId))).toEqual(new Set([d2, d3]));

    // Queued chunks are no longer pending; the unselected documents still are.
    expect(await pendingChunks(ctx, projectId, selected)).toEqual([]);
    expect(await countPendingChunks(ctx, projectId, selected)).toBe(0);
    const rest = await pendingChunks(ctx, projectId);
    expect(rest.map((c) => c.documentId)).toEqual([d1, d4]);
    expect(await countPendingChunks(ctx, projectId)).toBe(2);
  });

  it("skips chunks already synthesized, and documents that no longer exist", async () => {
    const { projectId, docs } = await fourDocuments();
    const [d1, , d3] = docs.map((d) => d.id);
    const job = await createJob(ctx, {
      projectId,
      chunks: await pendingChunks(ctx, projectId, [d1 ?? ""]),
      settings: DEFAULT_JOB_SETTINGS,
    });
    const [task] = await jobTasks(ctx, job.id);
    if (!task) throw new Error("no task");
    const claim = claimOf(projectId, task);
    await writeTaskBatch(ctx, [
      { kind: "claim", claim },
      {
        kind: "commit",
        commit: { ...claim, outcome: outcome("<QUE> Q? <ANS> A. </END>"), link: noLink },
      },
    ]);
    await setJobState(ctx, job.id, "done");

    const selected = [d1 ?? "", d3 ?? "", "deleted-document"];
    const chunks = await pendingChunks(ctx, projectId, selected);
    expect(chunks.map((c) => c.documentId)).toEqual([d3]);
    expect(await countPendingChunks(ctx, projectId, selected)).toBe(1);
    expect(await pendingChunks(ctx, projectId, [])).toEqual([]);
  });
});

const noLink = { demonstrations: 0, inheritsFromPrevious: false, followedByNext: false };

describe("grouped task writes", () => {
  /** A job over every chunk of {@link fourDocuments}, and its first two tasks. */
  async function twoQueuedTasks() {
    const { projectId } = await fourDocuments();
    const job = await createJob(ctx, {
      projectId,
      chunks: await pendingChunks(ctx, projectId),
      settings: DEFAULT_JOB_SETTINGS,
    });
    const [a, b] = await jobTasks(ctx, job.id);
    if (!a || !b) throw new Error("no tasks");
    return { projectId, a, b };
  }

  it("stores claims and commits of several chunks in one transaction, each chunk whole", async () => {
    const { projectId, a, b } = await twoQueuedTasks();
    const claimA = claimOf(projectId, a);
    const claimB = claimOf(projectId, b);
    await writeTaskBatch(ctx, [{ kind: "claim", claim: claimA }]);
    // A's commit and B's claim share a transaction, as the runner sends them.
    const out = await writeTaskBatch(ctx, [
      {
        kind: "commit",
        commit: { ...claimA, outcome: outcome("<QUE> Q? <ANS> A. </END>"), link: noLink },
      },
      { kind: "claim", claim: claimB },
    ]);
    expect(out.map((o) => o.task.state)).toEqual(["done", "running"]);
    expect(out[0]?.pairs).toHaveLength(1);
    expect(await ctx.db.tasks.get(a.id)).toMatchObject({ state: "done", attempts: 1 });
    expect(await ctx.db.tasks.get(b.id)).toMatchObject({ state: "running", attempts: 1 });
    expect(await ctx.db.results.get(claimA.result.id)).toMatchObject({ state: "done" });
    expect(await ctx.db.pairs.where("chunkId").equals(a.chunkId).count()).toBe(1);
  });

  it("a failing write leaves none of its batch: nothing half stored, nothing lost", async () => {
    const { projectId, a, b } = await twoQueuedTasks();
    const claimA = claimOf(projectId, a);
    await writeTaskBatch(ctx, [{ kind: "claim", claim: claimA }]);
    // B's claim reuses A's result id: adding it fails, after A's commit in the same batch.
    const claimB = { ...claimOf(projectId, b), result: { ...claimA.result, chunkId: b.chunkId } };
    const batch: TaskWrite[] = [
      {
        kind: "commit",
        commit: { ...claimA, outcome: outcome("<QUE> Q? <ANS> A. </END>"), link: noLink },
      },
      { kind: "claim", claim: claimB },
    ];
    await expect(writeTaskBatch(ctx, batch)).rejects.toThrow();
    expect(await ctx.db.tasks.get(a.id)).toMatchObject({ state: "running" });
    expect(await ctx.db.tasks.get(b.id)).toMatchObject({ state: "queued", attempts: 0 });
    expect(await ctx.db.results.get(claimA.result.id)).toMatchObject({ state: "running" });
    expect(await ctx.db.pairs.count()).toBe(0);
  });

  it("knows a task's next state before it is stored", () => {
    const task = { ...baseTask, state: "running" as const, attempts: 1 };
    expect(taskAfter(task, "r", outcome("x"), 5)).toMatchObject({ state: "done", resultId: "r" });
    const failed = { ...outcome(""), finishReason: "error" as const };
    const error = { kind: "network", message: "down", detail: "" };
    expect(taskAfter(task, "r", { ...failed, error }, 5)).toMatchObject({
      state: "queued",
      error: { kind: "network", message: "down" },
    });
    expect(taskAfter({ ...task, attempts: 2 }, "r", { ...failed, error }, 5).state).toBe("failed");
    const aborted = { ...outcome(""), finishReason: "abort" as const };
    expect(taskAfter(task, "r", aborted, 5)).toMatchObject({ state: "queued", attempts: 0 });
  });
});

const baseTask: TaskRow = {
  id: "t",
  jobId: "j",
  projectId: "p",
  round: 1,
  position: 0,
  chunkId: "c",
  documentId: "d",
  state: "queued",
  attempts: 0,
  updatedAt: 0,
};
