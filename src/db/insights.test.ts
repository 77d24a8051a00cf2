import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { insightsOf } from "../core/insights/insights";
import type { ChunkRow, PairRow, ResultRow } from "../core/rows";
import type { DbContext } from "./context";
import { InsightsCancelled, insightsSignal, readInsights } from "./insights";
import { StudioDB } from "./schema";

let ctx: DbContext;

beforeEach(() => {
  let t = 1000;
  let n = 0;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

const chunk = (projectId: string, id: string): ChunkRow => ({
  id,
  projectId,
  documentId: `${projectId}-d`,
  index: Number(id.replace(/\D/g, "")) || 0,
  start: 0,
  end: 1,
  tokens: 3,
  budgetMode: "words",
});

const result = (projectId: string, chunkId: string, state: ResultRow["state"]): ResultRow => ({
  id: `r-${chunkId}-${state}`,
  projectId,
  documentId: `${projectId}-d`,
  chunkId,
  prompt: "p",
  rawOutput: "",
  finishReason: "stop",
  engineId: "e",
  modelId: "m",
  settings: { maxTokens: 400, temperature: 0 },
  state,
  startedAt: 1,
});

const pair = (projectId: string, i: number, over: Partial<PairRow> = {}): PairRow => ({
  id: `${projectId}-p${String(i).padStart(3, "0")}`,
  projectId,
  documentId: `${projectId}-d`,
  chunkId: `${projectId}-c${i % 3}`,
  index: i,
  question: `Question ${i}?`,
  answer: `Answer ${i}.`,
  status: (["pending", "accepted", "rejected"] as const)[i % 3] ?? "pending",
  edited: false,
  origin: "model",
  createdAt: i,
  updatedAt: i,
  quality: {
    grounding: (i % 11) / 10,
    flags: i % 4 === 0 ? ["weakGrounding"] : [],
    taskType: i % 2 === 0 ? "freeFormQa" : "yesNo",
  },
  ...(i % 5 === 0 ? { stale: 1 as const } : {}),
  ...over,
});

async function seed(): Promise<PairRow[]> {
  const pairs = Array.from({ length: 25 }, (_, i) => pair("p", i));
  await ctx.db.pairs.bulkAdd([...pairs, ...Array.from({ length: 7 }, (_, i) => pair("q", i))]);
  await ctx.db.chunks.bulkAdd(
    ["p-c0", "p-c1", "p-c2", "p-c3", "p-c4", "q-c0"].map((id) => chunk(id.slice(0, 1), id)),
  );
  // c3 was synthesized and gave no pair; c4 was never synthesized (only a failed attempt).
  await ctx.db.results.bulkAdd([
    result("p", "p-c0", "done"),
    result("p", "p-c1", "incomplete"),
    result("p", "p-c3", "done"),
    result("p", "p-c4", "failed"),
  ]);
  return pairs;
}

describe("readInsights", () => {
  it("folds the project's pairs in batches into the same figures as one pass", async () => {
    const pairs = await seed();
    const progress: number[] = [];
    const read = await readInsights(ctx, "p", {
      batchSize: 4,
      onProgress: (p) => progress.push(p.done),
      pause: () => Promise.resolve(),
    });
    expect(progress).toEqual([0, 4, 8, 12, 16, 20, 24, 25]);
    const expected = insightsOf(pairs, {
      chunkIds: ["p-c0", "p-c1", "p-c2", "p-c3", "p-c4"],
      synthesized: new Set(["p-c0", "p-c1", "p-c3"]),
    });
    expect(read).toEqual(expected);
    expect(read.pairs).toBe(25);
    expect(read.notScored).toBe(5);
    // c0..c2 hold 9, 8 and 8 pairs; c3 has none though synthesized; c4 is left out.
    expect(read.pairsPerChunk.bins).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0]);
    expect(read.pairsPerChunk.notSynthesized).toBe(1);
  });

  it("stops when the reader is no longer wanted", async () => {
    await seed();
    let batches = 0;
    await expect(
      readInsights(ctx, "p", {
        batchSize: 4,
        live: () => batches < 2,
        onProgress: () => batches++,
      }),
    ).rejects.toBeInstanceOf(InsightsCancelled);
  });

  it("reads an empty project", async () => {
    const read = await readInsights(ctx, "none");
    expect(read.pairs).toBe(0);
    expect(read.pairsPerChunk.chunks).toBe(0);
  });
});

describe("insightsSignal", () => {
  it("changes when pairs are added, reviewed or scored, and only then", async () => {
    await seed();
    const a = await insightsSignal(ctx, "p");
    expect(await insightsSignal(ctx, "p")).toBe(a);
    await ctx.db.pairs.update("p-p001", { status: "rejected", updatedAt: 5000 });
    const b = await insightsSignal(ctx, "p");
    expect(b).not.toBe(a);
    await ctx.db.pairs
      .where("stale")
      .equals(1)
      .modify((p) => {
        delete p.stale;
      });
    const c = await insightsSignal(ctx, "p");
    expect(c).not.toBe(b);
    await ctx.db.pairs.add(pair("p", 99, { updatedAt: 1 }));
    expect(await insightsSignal(ctx, "p")).not.toBe(c);
  });
});
