// Per-document costs of the studio's own code (no model time): parse, pipeline, commit.
// Run with `npm run bench`; the figures go in docs/benchmarks.md.
import "fake-indexeddb/auto";
import { bench, describe } from "vitest";
import { parseSynthesizerOutput } from "../src/core/parse";
import { synthesize } from "../src/core/synthesize";
import { pairsBlock } from "../src/core/tags";
import { ensureDefaultProject } from "../src/db/projects";
import { listChunks } from "../src/db/chunks";
import { createDocument } from "../src/db/documents";
import { finishResult, startResult } from "../src/db/results";
import { StudioDB } from "../src/db/schema";
import { scriptedEngine } from "../src/testing/scripted-engine";

// A typical synthesizer answer: five pairs of about 52 tokens each (method spec, section 1).
const typicalPairs = Array.from({ length: 5 }, (_, i) => ({
  question: `Question ${i}: what does the passage say about the role of enzyme ${i} in the cell cycle?`,
  answer: `It says enzyme ${i} regulates the transition between phases and is inhibited by the checkpoint proteins.`,
}));
const typical = pairsBlock(typicalPairs);
const huge = Array.from({ length: 4000 }, () => typical).join("\n\n"); // about 1 MB
const pieces = typical.match(/[\s\S]{1,4}/g) ?? [];

let t = 0;
const now = () => ++t;
const ctx = { db: new StudioDB("bench"), now, newId: () => `id${++t}` };

describe("parse", () => {
  bench("parse a typical output (5 pairs)", () => {
    parseSynthesizerOutput(typical);
  });
  bench("parse 1 MB of output (20,000 pairs)", () => {
    parseSynthesizerOutput(huge);
  });
});

describe("pipeline overhead per document", () => {
  bench("synthesize() with a scripted engine streaming ~130 pieces", async () => {
    await synthesize({
      engine: scriptedEngine([{ kind: "ok", pieces }]),
      prompt: "<s> <CON> text </CON>\n\n",
      now,
      events: { onText: () => undefined, onPairs: () => undefined },
    });
  });
  bench("commit a result and its 5 pairs to IndexedDB (fake-indexeddb)", async () => {
    const project = await ensureDefaultProject(ctx);
    const doc = await createDocument(ctx, {
      projectId: project.id,
      title: "d",
      text: "x",
      source: { kind: "paste" },
    });
    const r = await startResult(ctx, {
      projectId: project.id,
      documentId: doc.id,
      chunkId: (await listChunks(ctx, doc.id))[0]?.id ?? "",
      prompt: "p",
      engineId: "bench",
      modelId: "m",
      settings: { maxTokens: 400, temperature: 0 },
    });
    await finishResult(ctx, r, {
      prompt: "p",
      rawOutput: typical,
      pairs: typicalPairs,
      finishReason: "stop",
      startedAt: 0,
      finishedAt: 1,
    });
  });
});
