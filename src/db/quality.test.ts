import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbContext } from "./context";
import { editPairText } from "./curation";
import { projectMarks, saveDuplicateMarks, withMarks } from "./marks";
import { listPairs } from "./pairs";
import { readPairsMarkedSince } from "./pairs-view";
import { questionsPage, saveScores, staleChunks } from "./quality";
import { StudioDB, type PairRow } from "./schema";

let ctx: DbContext;
let t = 1000;

beforeEach(() => {
  t = 1000;
  let n = 0;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

const quality = { grounding: 1, flags: [], taskType: "freeFormQa" as const };

function pair(id: string, chunkId: string, extra: Partial<PairRow> = {}): PairRow {
  return {
    id,
    projectId: "p",
    documentId: "d",
    chunkId,
    index: 0,
    question: `q ${id}`,
    answer: `a ${id}`,
    status: "pending",
    edited: false,
    origin: "model",
    createdAt: 1,
    updatedAt: 1,
    stale: 1,
    ...extra,
  };
}

async function seedDocument(): Promise<void> {
  await ctx.db.documents.add({
    id: "d",
    projectId: "p",
    title: "D",
    source: { kind: "paste" },
    text: "First chunk text. Second chunk text.",
    contentHash: "h",
    createdAt: 1,
    updatedAt: 1,
  });
  await ctx.db.chunks.bulkAdd([
    {
      id: "c0",
      projectId: "p",
      documentId: "d",
      index: 0,
      start: 0,
      end: 17,
      tokens: 3,
      budgetMode: "words",
    },
    {
      id: "c1",
      projectId: "p",
      documentId: "d",
      index: 1,
      start: 18,
      end: 36,
      tokens: 3,
      budgetMode: "words",
    },
  ]);
}

describe("quality storage", () => {
  it("lists only stale pairs, grouped by chunk with the chunk's own text", async () => {
    await seedDocument();
    await ctx.db.pairs.bulkAdd([
      pair("a", "c0"),
      pair("b", "c1"),
      pair("c", "c1"),
      pair("d", "c0", { stale: undefined, quality }),
      pair("e", "gone"),
    ]);
    await ctx.db.pairs.update("d", { stale: undefined });
    const chunks = await staleChunks(ctx, 10);
    const byChunk = new Map(chunks.map((c) => [c.chunkId, c]));
    expect(byChunk.get("c0")?.text).toBe("First chunk text.");
    expect(byChunk.get("c0")?.pairs.map((p) => p.id)).toEqual(["a"]);
    expect(byChunk.get("c1")?.text).toBe("Second chunk text.");
    expect(byChunk.get("c1")?.pairs.map((p) => p.id)).toEqual(["b", "c"]);
    expect(byChunk.get("gone")?.text).toBe("");
    expect(await staleChunks(ctx, 2).then((c) => c.flatMap((x) => x.pairs).length)).toBe(2);
  });

  it("stores scores and clears stale, but not for a pair edited since it was read", async () => {
    await seedDocument();
    await ctx.db.pairs.bulkAdd([pair("a", "c0"), pair("b", "c0")]);
    const read = (await staleChunks(ctx, 10)).flatMap((c) => c.pairs);
    await editPairText(ctx, { projectId: "p", session: "s" }, "b", {
      question: "new",
      answer: "x",
    });
    const stored = await saveScores(
      ctx,
      read.map((p) => ({ id: p.id, updatedAt: p.updatedAt, quality })),
    );
    expect(stored).toBe(1);
    expect(await ctx.db.pairs.get("a")).toMatchObject({ quality });
    expect((await ctx.db.pairs.get("a"))?.stale).toBeUndefined();
    expect(await ctx.db.pairs.get("b")).toMatchObject({ stale: 1, question: "new" });
    expect((await ctx.db.pairs.get("b"))?.quality).toBeUndefined();
    expect((await staleChunks(ctx, 10)).flatMap((c) => c.pairs.map((p) => p.id))).toEqual(["b"]);
  });

  it("keeps duplicate marks in their own table: written when changed, cleared, and attached on reads", async () => {
    await ctx.db.pairs.bulkAdd([pair("a", "c0"), pair("b", "c0"), pair("c", "c0")]);
    const g1 = { kind: "duplicate" as const, group: "g1" };
    const g2 = { kind: "nearDuplicate" as const, group: "g2" };
    expect(await saveDuplicateMarks(ctx, "p", [{ id: "b", duplicate: g1 }])).toBe(1);
    const written = await saveDuplicateMarks(ctx, "p", [
      { id: "a", duplicate: g2 },
      { id: "b", duplicate: g1 },
      { id: "c", duplicate: null },
    ]);
    expect(written).toBe(1); // b is unchanged, c had none
    // The pairs themselves are not written.
    expect((await ctx.db.pairs.get("a"))?.updatedAt).toBe(1);
    expect((await ctx.db.pairs.get("a"))?.duplicate).toBeUndefined();
    expect(Object.fromEntries(await projectMarks(ctx, "p"))).toEqual({ a: g2, b: g1 });
    expect((await listPairs(ctx, "d")).map((p) => p.duplicate ?? null)).toEqual([g2, g1, null]);

    const before = t;
    await saveDuplicateMarks(ctx, "p", [{ id: "b", duplicate: null }]);
    expect((await listPairs(ctx, "d")).map((p) => p.duplicate ?? null)).toEqual([g2, null, null]);
    expect([...(await projectMarks(ctx, "p")).keys()]).toEqual(["a"]);
    // The cleared mark is still seen as a change by the pairs table's sync.
    const marked = await readPairsMarkedSince(ctx, "p", before, new Set());
    expect(marked.rows.map((r) => [r.id, r.group])).toEqual([["b", null]]);
  });

  it("attaches marks the same way to few rows and to many (one range read)", async () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      pair(`p${String(i).padStart(3, "0")}`, "c0"),
    );
    await ctx.db.pairs.bulkAdd(many);
    const g = { kind: "duplicate" as const, group: "g" };
    await saveDuplicateMarks(ctx, "p", [
      { id: "p007", duplicate: g },
      { id: "p599", duplicate: g },
    ]);
    const marked = (rows: PairRow[]) => rows.filter((r) => r.duplicate).map((r) => r.id);
    expect(marked(await listPairs(ctx, "d"))).toEqual(["p007", "p599"]);
    const few = await withMarks(ctx, many.slice(0, 10));
    expect(marked(few)).toEqual(["p007"]);
  });

  it("pages a project's questions in a stable order", async () => {
    await ctx.db.pairs.bulkAdd([
      pair("c", "c0"),
      pair("a", "c0"),
      pair("b", "c0"),
      { ...pair("z", "c0"), projectId: "other" },
    ]);
    const first = await questionsPage(ctx, "p", null, 2);
    const second = await questionsPage(ctx, "p", first.at(-1)?.id ?? null, 2);
    expect([...first, ...second].map((q) => q.id)).toEqual(["a", "b", "c"]);
    expect(await questionsPage(ctx, "p", "c", 2)).toEqual([]);
    // A page goes on after a pair that was deleted meanwhile.
    await ctx.db.pairs.delete("a");
    expect((await questionsPage(ctx, "p", "a", 5)).map((q) => q.id)).toEqual(["b", "c"]);
    expect((await questionsPage(ctx, "p", "0", 1)).map((q) => q.id)).toEqual(["b"]);
  });
});
