import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SynthesisOutcome } from "../core/synthesize";
import type { Pair } from "../core/types";
import { listChunks } from "./chunks";
import type { DbContext } from "./context";
import { addManualPair, editPairText, setStatus } from "./curation";
import { createDocument } from "./documents";
import { historyStatus, redo, undo } from "./history";
import { listPairs } from "./pairs";
import { ensureDefaultProject } from "./projects";
import { commitRegeneration, type RegenerateMode } from "./regenerate";
import { finishResult, startResult } from "./results";
import { StudioDB } from "./schema";

let ctx: DbContext;
let n = 0;

beforeEach(() => {
  n = 0;
  let t = 1000;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

const pairsOf = (...qs: string[]): Pair[] => qs.map((q) => ({ question: q, answer: `${q}!` }));

function outcome(pairs: Pair[], partial: Partial<SynthesisOutcome> = {}): SynthesisOutcome {
  return {
    prompt: "p",
    rawOutput: "raw",
    pairs,
    finishReason: "stop",
    startedAt: 5000,
    finishedAt: 5001,
    ...partial,
  };
}

/** A document of two chunks, each synthesized once by the batch. */
async function setup() {
  const project = await ensureDefaultProject(ctx);
  const words = (w: string) => Array.from({ length: 3000 }, () => w).join(" ");
  const doc = await createDocument(ctx, {
    projectId: project.id,
    title: "Doc",
    text: `${words("alpha")}\n\n${words("beta")}`,
    source: { kind: "paste" },
  });
  const chunks = await listChunks(ctx, doc.id);
  expect(chunks.length).toBeGreaterThan(1);
  const synthesize = async (chunkId: string, pairs: Pair[]) => {
    const r = await startResult(ctx, {
      projectId: project.id,
      documentId: doc.id,
      chunkId,
      link: { demonstrations: 1, inheritsFromPrevious: true, followedByNext: true },
      prompt: "p",
      engineId: "test",
      modelId: "m",
      settings: { maxTokens: 400, temperature: 0 },
    });
    await finishResult(ctx, r, outcome(pairs));
  };
  const [first, second] = chunks as [(typeof chunks)[0], (typeof chunks)[0]];
  await synthesize(first.id, pairsOf("a1", "a2", "a3", "a4"));
  await synthesize(second.id, pairsOf("b1"));
  const scope = { projectId: project.id, session: "s" };
  const regenerate = (mode: RegenerateMode, pairs: Pair[]) =>
    commitRegeneration(ctx, scope, {
      chunkId: first.id,
      mode,
      prompt: "prompt",
      engineId: "test",
      modelId: "m",
      settings: { maxTokens: 400, temperature: 0 },
      outcome: outcome(pairs),
      label: "Regenerate chunk 1",
    });
  return { doc, first, second, scope, regenerate };
}

const questions = async (documentId: string) =>
  (await listPairs(ctx, documentId)).map((p) => p.question);

describe("commitRegeneration", () => {
  it("replace keeps edited, manual and accepted pairs and replaces the rest", async () => {
    const { doc, first, scope, regenerate } = await setup();
    const [a1, a2, a3] = await listPairs(ctx, doc.id);
    if (!a1 || !a2 || !a3) throw new Error("pairs missing");
    await editPairText(ctx, scope, a1.id, { question: "a1 edited", answer: "x" });
    await setStatus(ctx, scope, [a2.id], "accepted");
    await setStatus(ctx, scope, [a3.id], "rejected");
    await addManualPair(ctx, scope, {
      documentId: doc.id,
      chunkId: first.id,
      question: "mine",
      answer: "y",
    });

    const { removed, added, result } = await regenerate("replace", pairsOf("n1", "n2"));

    expect(removed.map((p) => p.question).sort()).toEqual(["a3", "a4"]);
    expect(added.every((p) => p.stale === 1 && p.status === "pending")).toBe(true);
    // The new pairs follow the chunk's kept pairs, before the next chunk's.
    expect(await questions(doc.id)).toEqual(["a1 edited", "a2", "b1", "mine", "n1", "n2"]);
    const stored = await ctx.db.results.get(result.id);
    expect(stored?.state).toBe("done");
    expect(stored?.link).toEqual({
      demonstrations: 0,
      inheritsFromPrevious: false,
      followedByNext: true,
    });
    expect((await historyStatus(ctx, scope)).undo).toBe("Regenerate chunk 1");
  });

  it("puts new pairs next to their chunk's pairs", async () => {
    const { doc, regenerate } = await setup();
    await regenerate("replace", pairsOf("n1", "n2"));
    expect(await questions(doc.id)).toEqual(["n1", "n2", "b1"]);
  });

  it("append keeps every current pair", async () => {
    const { doc, regenerate } = await setup();
    const { removed } = await regenerate("append", pairsOf("n1"));
    expect(removed).toEqual([]);
    expect(await questions(doc.id)).toEqual(["a1", "a2", "a3", "a4", "n1", "b1"]);
  });

  it("undo restores the previous pairs in one step, and redo applies it again", async () => {
    const { doc, scope, regenerate } = await setup();
    const [a1] = await listPairs(ctx, doc.id);
    if (!a1) throw new Error("pair missing");
    await editPairText(ctx, scope, a1.id, { question: "a1 edited", answer: "x" });
    const before = await questions(doc.id);

    await regenerate("replace", pairsOf("n1", "n2", "n3"));
    expect(await questions(doc.id)).toEqual(["a1 edited", "n1", "n2", "n3", "b1"]);

    expect(await undo(ctx, scope)).toBe("Regenerate chunk 1");
    expect(await questions(doc.id)).toEqual(before);
    expect(await redo(ctx, scope)).toBe("Regenerate chunk 1");
    expect(await questions(doc.id)).toEqual(["a1 edited", "n1", "n2", "n3", "b1"]);
  });

  it("fails without writing anything when the chunk is gone", async () => {
    const { doc, first, regenerate } = await setup();
    const results = await ctx.db.results.count();
    await ctx.db.chunks.delete(first.id);
    await expect(regenerate("replace", pairsOf("n1"))).rejects.toThrow(/no longer exists/);
    expect(await ctx.db.results.count()).toBe(results);
    expect(await questions(doc.id)).toEqual(["a1", "a2", "a3", "a4", "b1"]);
  });
});
