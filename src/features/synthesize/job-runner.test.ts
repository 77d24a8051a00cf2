import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_JOB_SETTINGS, type JobSettings } from "../../core/job-settings";
import { runRounds } from "../../core/rounds";
import {
  EngineError,
  type CompletionResult,
  type SynthesisEngine,
} from "../../core/synthesis-engine";
import { readBlock } from "../../core/tags";
import type { Pair } from "../../core/types";
import {
  StudioDB,
  countPendingChunks,
  countTasks,
  createDocument,
  createJob,
  ensureDefaultProject,
  getJob,
  pendingChunks,
  recoverInterruptedJobs,
  recoverInterruptedResults,
  retryFailedTasks,
  type DbContext,
} from "../../db";
import { synthesizerOutput } from "../../testing/synthesizer-outputs";
import { JobRunner, type ReadyEngine } from "./job-runner";

let ctx: DbContext;
let n = 0;
beforeEach(() => {
  n = 0;
  let t = 1000;
  ctx = { db: new StudioDB(`runner-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

/** The text inside the last <CON> block of a prompt: which chunk the prompt is for. */
const chunkOf = (prompt: string) => /.*<CON> ([\s\S]*?) <\/CON>\n\n$/s.exec(prompt)?.[1] ?? "";

/** Two pairs per chunk, naming it, so every output is traceable to its prompt. */
const pairsFor = (text: string): Pair[] => [
  { question: `What is ${text}?`, answer: `It is ${text}.` },
  { question: `Why ${text}?`, answer: "Because." },
];

type Reply = (prompt: string, call: number) => Promise<CompletionResult>;

function engine(reply: Reply, concurrency = 4): SynthesisEngine & { prompts: string[] } {
  const prompts: string[] = [];
  return {
    id: "test",
    modelId: "m",
    capabilities: { concurrency },
    prompts,
    complete(prompt, _options, events) {
      prompts.push(prompt);
      return reply(prompt, prompts.length).then((r) => {
        events?.onText?.(r.text);
        return r;
      });
    },
  };
}

const answering: Reply = (prompt) =>
  Promise.resolve({ text: synthesizerOutput(pairsFor(chunkOf(prompt))), finishReason: "stop" });

const ready = (e: SynthesisEngine): ReadyEngine => ({
  state: "ready",
  label: "test",
  engine: e,
  approximation: false,
  promptFor: (text) => ({ prompt: readBlock(text) }),
});

async function project(docs: number, settings: Partial<JobSettings> = {}) {
  const p = await ensureDefaultProject(ctx);
  for (let i = 0; i < docs; i++) {
    await createDocument(ctx, {
      projectId: p.id,
      title: `d${i}`,
      text: `text ${i}`,
      source: { kind: "paste" },
    });
  }
  const chunks = await pendingChunks(ctx, p.id);
  expect(await countPendingChunks(ctx, p.id)).toBe(chunks.length);
  const job = await createJob(ctx, {
    projectId: p.id,
    chunks,
    settings: { ...DEFAULT_JOB_SETTINGS, ...settings },
  });
  return { projectId: p.id, job, chunks };
}

async function resultsPerChunk(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await ctx.db.results.each((r) => counts.set(r.chunkId, (counts.get(r.chunkId) ?? 0) + 1));
  return counts;
}

describe("JobRunner", () => {
  it("synthesizes every chunk once, N at once, and finishes the job", async () => {
    const { projectId, job, chunks } = await project(7);
    let inFlight = 0;
    let peak = 0;
    const e = engine(async (prompt) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return answering(prompt, 0);
    }, 3);
    await new JobRunner(ctx, () => ready(e)).drive(projectId);
    expect(peak).toBe(3);
    expect((await getJob(ctx, job.id))?.state).toBe("done");
    expect(await countTasks(ctx, job.id)).toMatchObject({ total: 7, done: 7, failed: 0 });
    expect([...(await resultsPerChunk()).values()]).toEqual(Array(7).fill(1));
    expect(await ctx.db.pairs.count()).toBe(14);
    expect(new Set((await ctx.db.pairs.toArray()).map((p) => p.chunkId))).toEqual(
      new Set(chunks.map((c) => c.id)),
    );
    expect(await pendingChunks(ctx, projectId)).toEqual([]);
    expect(await countPendingChunks(ctx, projectId)).toBe(0);
  });

  it("sends the planner's prompts in two rounds and stores the links", async () => {
    const { projectId, job, chunks } = await project(4, { rounds: 2 });
    const e = engine(answering, 1);
    await new JobRunner(ctx, () => ready(e)).drive(projectId);
    const texts = ["text 0", "text 1", "text 2", "text 3"];
    const expected: string[] = [];
    const collections = await runRounds(
      texts,
      2,
      { maxModelLen: 4096, maxNewTokens: 400, budget: "words" },
      (prompts) => {
        expected.push(...prompts);
        return Promise.resolve(prompts.map((p) => pairsFor(chunkOf(p))));
      },
    );
    expect(e.prompts).toEqual(expected);
    expect(e.prompts[2]).toContain("text 0");
    const results = await ctx.db.results.toArray();
    const byChunk = new Map(results.map((r) => [r.chunkId, r]));
    expect(byChunk.get(chunks[0]?.id ?? "")?.link).toMatchObject({
      followedByNext: true,
      inheritsFromPrevious: false,
    });
    expect(byChunk.get(chunks[2]?.id ?? "")?.link).toEqual({
      previousChunkId: chunks[0]?.id,
      demonstrations: 1,
      inheritsFromPrevious: true,
      followedByNext: false,
    });
    expect(collections[0]?.[1]?.inheritsFromPrevious).toBe(true);
    expect((await getJob(ctx, job.id))?.state).toBe("done");
  });

  it("retries a failed chunk once on its own, then records the reason", async () => {
    const { projectId, job } = await project(3);
    const network = new EngineError("network", "The server could not be reached.");
    const e = engine((prompt) =>
      chunkOf(prompt) === "text 0" ? Promise.reject(network) : answering(prompt, 0),
    );
    await new JobRunner(ctx, () => ready(e)).drive(projectId);
    expect(e.prompts.filter((p) => chunkOf(p) === "text 0")).toHaveLength(2);
    const tasks = await ctx.db.tasks.where("jobId").equals(job.id).toArray();
    const failed = tasks.filter((t) => t.state === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toEqual({ kind: "network", message: network.message });
    expect(failed[0]?.attempts).toBe(2);
  });

  it("keeps a chunk whose output has no parsable pair, with its raw output", async () => {
    const { projectId } = await project(1);
    const e = engine(() => Promise.resolve({ text: "I cannot help.", finishReason: "stop" }));
    await new JobRunner(ctx, () => ready(e)).drive(projectId);
    const [result] = await ctx.db.results.toArray();
    expect(result).toMatchObject({ state: "done", rawOutput: "I cannot help." });
    expect(await ctx.db.pairs.count()).toBe(0);
  });

  it("pauses after failures in a row, then resumes and finishes once the engine is back", async () => {
    const { projectId, job } = await project(6);
    let up = false;
    const e = engine(
      (prompt) =>
        up ? answering(prompt, 0) : Promise.reject(new EngineError("network", "unreachable")),
      1,
    );
    const runner = new JobRunner(ctx, () => ready(e));
    await runner.drive(projectId);
    const paused = await getJob(ctx, job.id);
    expect(paused?.state).toBe("paused");
    expect(paused?.pauseReason).toMatch(/3 chunks failed in a row \(unreachable\)/);
    up = true;
    await retryFailedTasks(ctx, job.id);
    await runner.drive(projectId);
    expect((await getJob(ctx, job.id))?.state).toBe("done");
    expect([...(await resultsPerChunk()).values()]).toEqual(Array(6).fill(1));
    expect(await ctx.db.pairs.count()).toBe(12);
  });

  it("after a crash mid-run, resumes with exactly one result per chunk and no lost pairs", async () => {
    const { projectId, job } = await project(5, { rounds: 2 });
    // The first runner dies while chunk 3 is in flight (its promise never settles, as when
    // the tab is closed); a second one takes over after the boot-time recovery.
    const dying = engine((prompt) =>
      chunkOf(prompt) === "text 3" ? new Promise(() => undefined) : answering(prompt, 0),
    );
    void new JobRunner(ctx, () => ready(dying)).drive(projectId);
    await waitFor(async () => (await ctx.db.tasks.where("state").equals("running").count()) === 1);
    await waitFor(
      async () => (await ctx.db.results.where("state").equals("running").count()) === 1,
    );
    await recoverInterruptedResults(ctx);
    expect(await recoverInterruptedJobs(ctx)).toBe(1);
    const fresh = engine(answering, 2);
    await new JobRunner(ctx, () => ready(fresh)).drive(projectId);
    expect((await getJob(ctx, job.id))?.state).toBe("done");
    expect([...(await resultsPerChunk()).values()]).toEqual(Array(5).fill(1));
    expect(await ctx.db.pairs.count()).toBe(10);
    const task3 = (await ctx.db.tasks.toArray()).find((t) => t.position === 3);
    expect(task3?.attempts).toBe(1);
  });

  it("pause aborts work in flight and puts it back without counting an attempt", async () => {
    const { projectId, job } = await project(3);
    const e = engine((prompt, call) =>
      call === 1 ? new Promise(() => undefined) : answering(prompt, 0),
    );
    // A hanging engine that honours abort, like the real ones.
    const abortable: SynthesisEngine = {
      ...e,
      complete: (prompt, options, events, signal) =>
        new Promise((resolve, reject) => {
          signal?.addEventListener("abort", () => resolve({ text: "", finishReason: "abort" }));
          e.complete(prompt, options, events, signal).then(resolve, reject);
        }),
    };
    const runner = new JobRunner(ctx, () => ready(abortable));
    const running = runner.drive(projectId);
    await waitFor(async () => (await ctx.db.tasks.where("state").equals("running").count()) === 1);
    await runner.stop(job.id, "paused");
    await running;
    expect((await getJob(ctx, job.id))?.state).toBe("paused");
    const tasks = await ctx.db.tasks.toArray();
    expect(tasks.every((t) => t.state !== "running")).toBe(true);
    expect(tasks.find((t) => t.position === 0)).toMatchObject({ state: "queued", attempts: 0 });
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("timed out waiting");
}
