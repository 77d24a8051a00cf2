// The batch queue's own cost and its concurrency, with the real OpenAI-compatible engine
// against the fixture server and the real runner committing to IndexedDB (fake-indexeddb in
// Node, so browser rendering is not included). Prints per-chunk figures and ratios.
import "fake-indexeddb/auto";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { startFixtureServer, type FixtureServer } from "../e2e/fixture-server";
import { DEFAULT_JOB_SETTINGS } from "../src/core/job-settings";
import { readBlock } from "../src/core/tags";
import {
  StudioDB,
  createDocument,
  createJob,
  ensureDefaultProject,
  pendingChunks,
  type DbContext,
} from "../src/db";
import { createOpenAIEngine } from "../src/engine/openai/openai-engine";
import {
  JobRunner,
  type ReadyEngine,
  type TaskTiming,
} from "../src/features/synthesize/job-runner";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

async function queued(n: number, concurrency: number) {
  let id = 0;
  const ctx: DbContext = {
    db: new StudioDB(`bench-${Math.random()}`),
    now: () => Date.now(),
    newId: () => `id${++id}`,
  };
  const project = await ensureDefaultProject(ctx);
  for (let i = 0; i < n; i++) {
    await createDocument(ctx, {
      projectId: project.id,
      title: `d${i}`,
      text: `Document ${i}. The committee met on day ${i % 365} and approved item ${i % 97}.`,
      source: { kind: "paste" },
    });
  }
  const chunks = await pendingChunks(ctx, project.id);
  await createJob(ctx, {
    projectId: project.id,
    chunks,
    settings: { ...DEFAULT_JOB_SETTINGS, concurrency },
  });
  return { ctx, projectId: project.id };
}

function ready(concurrency: number): ReadyEngine {
  const engine = createOpenAIEngine({
    baseUrl: server.url,
    model: "fixture-model",
    concurrency,
  });
  return {
    state: "ready",
    label: "bench",
    engine,
    approximation: false,
    promptFor: (text) => ({ prompt: readBlock(text) }),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

describe("batch queue", () => {
  bench(
    "per-chunk overhead: plan, claim, parse, commit (instant server, 1 at once, 300 chunks)",
    async () => {
      server.reset();
      const { ctx, projectId } = await queued(300, 1);
      const timings: TaskTiming[] = [];
      const runner = new JobRunner(ctx, () => ready(1), { onTiming: (t) => timings.push(t) });
      const t0 = performance.now();
      await runner.drive(projectId);
      const total = performance.now() - t0;
      // The runner stores a chunk's commit while the next one is requested: the pipeline's
      // cost per chunk is how long the engine waits between two requests.
      const byStart = [...timings].sort((a, b) => a.modelStart - b.modelStart);
      const gaps = byStart.slice(1).map((t, i) => t.modelStart - (byStart[i]?.modelEnd ?? NaN));
      const whole = timings.map((t) => t.committed - t.taken);
      console.log(
        `  per chunk: median ${median(gaps).toFixed(2)} ms of pipeline between two requests (budget 5 ms median -> ratio ${(median(gaps) / 5).toFixed(2)}); ` +
          `median ${median(whole).toFixed(2)} ms from taking a chunk to its stored commit (including the local HTTP round trip); ` +
          `${(total / 300).toFixed(2)} ms per chunk end to end`,
      );
      await ctx.db.delete();
    },
    once,
  );

  bench(
    "concurrency: 160 chunks, server latency 100 ms, 8 at once",
    async () => {
      server.reset();
      server.setLatency(100);
      const { ctx, projectId } = await queued(160, 8);
      const t0 = performance.now();
      await new JobRunner(ctx, () => ready(8)).drive(projectId);
      const seconds = (performance.now() - t0) / 1000;
      const rate = 160 / seconds;
      console.log(
        `  ${rate.toFixed(1)} requests/s against an ideal 80 -> ${((rate / 80) * 100).toFixed(1)}% (budget >= 85%)`,
      );
      server.setLatency(0);
      await ctx.db.delete();
    },
    once,
  );
});
