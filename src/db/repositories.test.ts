import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SynthesisOutcome } from "../core/synthesize";
import type { DbContext } from "./context";
import { listChunks, rechunkUnsynthesized } from "./chunks";
import { createDocument, deleteDocument, listDocuments, restoreDocument } from "./documents";
import { readProjectForExport } from "./export";
import { addManualPair } from "./curation";
import { listPairs, updatePair } from "./pairs";
import { ensureDefaultProject } from "./projects";
import {
  finishResult,
  latestResult,
  recoverInterruptedResults,
  savePartialOutput,
  startResult,
} from "./results";
import { StudioDB } from "./schema";
import { StorageError, toStorageError } from "./storage-error";

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

function outcome(raw: string, partial: Partial<SynthesisOutcome> = {}): SynthesisOutcome {
  return {
    prompt: "p",
    rawOutput: raw,
    pairs: [],
    finishReason: "stop",
    startedAt: 1,
    finishedAt: 2,
    ...partial,
  };
}

async function setup() {
  const project = await ensureDefaultProject(ctx);
  const doc = await createDocument(ctx, {
    projectId: project.id,
    title: "Doc",
    text: "Cells divide.",
    source: { kind: "paste" },
  });
  const chunkId = (await listChunks(ctx, doc.id))[0]?.id ?? "";
  const start = () =>
    startResult(ctx, {
      projectId: project.id,
      documentId: doc.id,
      chunkId,
      prompt: "p",
      engineId: "test",
      modelId: "m",
      settings: { maxTokens: 400, temperature: 0 },
    });
  return { project, doc, start };
}

describe("projects", () => {
  it("creates the default project once", async () => {
    const a = await ensureDefaultProject(ctx);
    const b = await ensureDefaultProject(ctx);
    expect(b.id).toBe(a.id);
    expect(await ctx.db.projects.count()).toBe(1);
  });
});

describe("results and pairs", () => {
  it("stores a result and its pairs together", async () => {
    const { doc, start } = await setup();
    const r = await start();
    const pairs = [
      { question: "q1", answer: "a1" },
      { question: "q2", answer: "a2" },
    ];
    await finishResult(
      ctx,
      r,
      outcome("raw", { pairs, usage: { promptTokens: 5, completionTokens: 9 } }),
    );
    const stored = await listPairs(ctx, doc.id);
    expect(stored.map((p) => [p.question, p.status, p.origin, p.index])).toEqual([
      ["q1", "pending", "model", 0],
      ["q2", "pending", "model", 1],
    ]);
    const result = await latestResult(ctx, doc.id);
    expect(result?.state).toBe("done");
    expect(result?.usage?.completionTokens).toBe(9);
  });

  it("marks a failed stream incomplete, keeps partial output, and replaces it on retry", async () => {
    const { doc, start } = await setup();
    const r1 = await start();
    await savePartialOutput(ctx, r1.id, "<QUE> q1 <ANS> a1 </END> <QUE> q2");
    await finishResult(
      ctx,
      r1,
      outcome("<QUE> q1 <ANS> a1 </END> <QUE> q2", {
        finishReason: "error",
        pairs: [{ question: "q1", answer: "a1" }],
        error: { kind: "network", message: "closed", detail: "" },
      }),
    );
    expect((await latestResult(ctx, doc.id))?.state).toBe("incomplete");
    expect((await latestResult(ctx, doc.id))?.rawOutput).toContain("<QUE> q2");
    const [partialPair] = await listPairs(ctx, doc.id);
    expect(partialPair?.question).toBe("q1");

    // An edited pair from the incomplete run survives the retry; untouched ones are replaced.
    await addManualPair(
      ctx,
      { projectId: doc.projectId, session: "s" },
      {
        documentId: doc.id,
        question: "mine",
        answer: "x",
      },
    );
    const r2 = await start();
    await finishResult(
      ctx,
      r2,
      outcome("raw", {
        pairs: [
          { question: "q1", answer: "a1" },
          { question: "q3", answer: "a3" },
        ],
      }),
    );
    const after = await listPairs(ctx, doc.id);
    expect(after.map((p) => [p.question, p.index])).toEqual([
      ["mine", 1],
      ["q1", 2],
      ["q3", 3],
    ]);
  });

  it("recovers results left running by a reload", async () => {
    const { doc, start } = await setup();
    const r = await start();
    await savePartialOutput(ctx, r.id, "partial");
    expect(await recoverInterruptedResults(ctx)).toBe(1);
    const result = await latestResult(ctx, doc.id);
    expect(result?.state).toBe("incomplete");
    expect(result?.rawOutput).toBe("partial");
    expect(result?.error?.kind).toBe("interrupted");
  });

  it("marks edits and keeps review status", async () => {
    const { doc, start } = await setup();
    await finishResult(
      ctx,
      await start(),
      outcome("raw", { pairs: [{ question: "q", answer: "a" }] }),
    );
    const [p] = await listPairs(ctx, doc.id);
    if (!p) throw new Error("pair missing");
    await updatePair(ctx, p.id, { status: "rejected" });
    expect((await ctx.db.pairs.get(p.id))?.edited).toBe(false);
    await updatePair(ctx, p.id, { answer: "better" });
    const edited = await ctx.db.pairs.get(p.id);
    expect(edited?.edited).toBe(true);
    expect(edited?.status).toBe("rejected");
  });
});

describe("documents", () => {
  it("deletes with everything it owns and restores on undo", async () => {
    const { project, doc, start } = await setup();
    await finishResult(
      ctx,
      await start(),
      outcome("raw", { pairs: [{ question: "q", answer: "a" }] }),
    );
    const deleted = await deleteDocument(ctx, doc.id);
    expect(await listDocuments(ctx, project.id)).toEqual([]);
    expect(await ctx.db.pairs.count()).toBe(0);
    if (!deleted) throw new Error("nothing deleted");
    await restoreDocument(ctx, deleted);
    expect((await listDocuments(ctx, project.id)).map((d) => d.id)).toEqual([doc.id]);
    expect(await ctx.db.pairs.count()).toBe(1);
    expect(await ctx.db.results.count()).toBe(1);
  });

  it("exports documents with their pairs and statuses in order", async () => {
    const { project, doc, start } = await setup();
    await finishResult(
      ctx,
      await start(),
      outcome("raw", { pairs: [{ question: "q", answer: "a" }] }),
    );
    const [p] = await listPairs(ctx, doc.id);
    if (!p) throw new Error("pair missing");
    await updatePair(ctx, p.id, { status: "accepted" });
    expect(await readProjectForExport(ctx, project.id)).toEqual([
      {
        title: "Doc",
        text: "Cells divide.",
        pairs: [{ question: "q", answer: "a", status: "accepted" }],
      },
    ]);
  });
});

describe("quota", () => {
  it("turns a quota failure into a clear message and writes nothing", async () => {
    const { project } = await setup();
    const before = await ctx.db.documents.count();
    const original = ctx.db.documents.bulkAdd.bind(ctx.db.documents);
    ctx.db.documents.bulkAdd = () => {
      const err = new Error("quota");
      err.name = "QuotaExceededError";
      return Promise.reject(err) as ReturnType<typeof original>;
    };
    const attempt = createDocument(ctx, {
      projectId: project.id,
      title: "x",
      text: "y",
      source: { kind: "paste" },
    });
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({ kind: "quota" });
    ctx.db.documents.bulkAdd = original;
    expect(await ctx.db.documents.count()).toBe(before);
  });

  it("recognises a quota error wrapped by Dexie", () => {
    const inner = Object.assign(new Error("q"), { name: "QuotaExceededError" });
    const wrapped = Object.assign(new Error("Dexie"), { name: "AbortError", inner });
    expect(toStorageError(wrapped).kind).toBe("quota");
    expect(toStorageError(new Error("other")).kind).toBe("unknown");
  });
});

describe("import", () => {
  it("imports collections entries as documents with results and pending pairs in one go", async () => {
    const { importEntries } = await import("./import");
    const project = await ensureDefaultProject(ctx);
    const docs = await importEntries(
      ctx,
      project.id,
      [
        {
          text: "Cells divide.",
          pairs: [{ question: "What do cells do?", answer: "Divide." }],
          inheritsFromPrevious: false,
          followedByNext: false,
        },
        {
          text: "Broken one.",
          pairs: [],
          inheritsFromPrevious: false,
          followedByNext: false,
          error: "HTTP 503",
        },
      ],
      { name: "collections.jsonl" },
    );
    expect((await listDocuments(ctx, project.id)).map((d) => d.text)).toEqual([
      "Cells divide.",
      "Broken one.",
    ]);
    expect(
      (await listPairs(ctx, docs[0]?.id ?? "")).map((p) => [p.question, p.status, p.origin]),
    ).toEqual([["What do cells do?", "pending", "model"]]);
    expect((await latestResult(ctx, docs[1]?.id ?? ""))?.state).toBe("failed");
    expect((await latestResult(ctx, docs[1]?.id ?? ""))?.error?.message).toBe("HTTP 503");
  });
});

describe("rechunkUnsynthesized", () => {
  it("re-cuts documents nothing was synthesized from, and keeps the others' chunk ids", async () => {
    const { project, doc, start } = await setup();
    const fresh = await createDocument(ctx, {
      projectId: project.id,
      title: "Fresh",
      text: "One two three. Four five six.",
      source: { kind: "paste" },
    });
    await start();
    const usedChunks = await listChunks(ctx, doc.id);
    const outcome = await rechunkUnsynthesized(
      ctx,
      project.id,
      (text) => {
        const cut = text.indexOf(" Four");
        return [
          { start: 0, end: cut, tokens: 1 },
          { start: cut + 1, end: text.length, tokens: 1 },
        ];
      },
      "words",
    );
    expect(outcome).toEqual({ rechunked: 1, kept: 1, chunks: 2 });
    expect(await listChunks(ctx, doc.id)).toEqual(usedChunks);
    const cut = await listChunks(ctx, fresh.id);
    expect(cut.map((c) => fresh.text.slice(c.start, c.end))).toEqual([
      "One two three.",
      "Four five six.",
    ]);
    expect(cut.map((c) => c.index)).toEqual([0, 1]);
  });
});
