import "fake-indexeddb/auto";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbContext } from "./context";
import { deletePairs, setStatus } from "./curation";
import { undo } from "./history";
import {
  countProjectPairs,
  latestPairWrite,
  projectPairIds,
  readDocumentTitles,
  PAIRS_VIEW_BATCH,
  readPairsChangedSince,
  type PairsViewBatch,
  readPairsViewBatch,
} from "./pairs-view";
import { readPairsByIds, readProjectPairs, readSinceInPages, walkProjectPairs } from "./cursor";
import { projectTitles } from "./documents";
import { readOverlay } from "./sweeps";
import { StudioDB, type PairRow } from "./schema";

let ctx: DbContext;
let t = 1000;

beforeEach(() => {
  t = 1000;
  ctx = { db: new StudioDB(`view-${Math.random()}`), now: () => t, newId: () => `n${t}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

const scope = { projectId: "p", session: "s" };

/** Every batch of a read of changed pairs. */
async function all(changed: Promise<AsyncIterable<PairsViewBatch>>): Promise<PairsViewBatch[]> {
  const out: PairsViewBatch[] = [];
  for await (const batch of await changed) out.push(batch);
  return out;
}

function pair(id: string, documentId: string, over: Partial<PairRow> = {}): PairRow {
  return {
    id,
    projectId: "p",
    documentId,
    chunkId: `${documentId}:0`,
    index: 0,
    question: `Q ${id}`,
    answer: `A ${id}`,
    status: "pending",
    edited: false,
    origin: "model",
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

async function seed() {
  await ctx.db.documents.bulkAdd(
    ["d1", "d2"].map((id) => ({
      id,
      projectId: "p",
      title: `Title ${id}`,
      source: { kind: "paste" as const },
      text: "t",
      contentHash: id,
      createdAt: 1,
      updatedAt: 1,
    })),
  );
  await ctx.db.pairs.bulkAdd([
    pair("a", "d1", {
      quality: { grounding: 0.7, flags: ["shortQuestion"], taskType: "math" },
    }),
    pair("b", "d1", { index: 1, taskType: "code", stale: 1 }),
    pair("c", "d2"),
    pair("x", "d9", { projectId: "other" }),
  ]);
  // Marks live in their own table (db/marks.ts).
  await ctx.db.marks.add({
    id: "a",
    projectId: "p",
    duplicate: { kind: "duplicate", group: "g" },
    at: 1,
  });
}

describe("pairs view reads", () => {
  it("reads the project's pairs in batches, with titles of new documents once", async () => {
    await seed();
    expect(await countProjectPairs(ctx, "p")).toBe(3);
    const known = new Set<string>();
    const first = await readPairsViewBatch(ctx, "p", null, 2, known);
    const second = await readPairsViewBatch(ctx, "p", first.rows.at(-1)?.id ?? null, 2, known);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(first.titles).toEqual([["d1", "Title d1"]]);
    expect(second.titles).toEqual([["d2", "Title d2"]]);
    const a = first.rows[0];
    expect(a).toMatchObject({
      grounding: 0.7,
      scored: true,
      taskType: "math",
      taskTypeSet: false,
      flags: ["shortQuestion", "duplicate"],
      group: "g",
    });
    expect(first.rows[1]).toMatchObject({ taskType: "code", taskTypeSet: true, scored: false });
  });

  it("finds what changed since a time, undo included, and deletions by ids", async () => {
    await seed();
    t = 5000;
    await setStatus(ctx, scope, ["b"], "accepted");
    const [changed, ...more] = await all(readPairsChangedSince(ctx, "p", 4000, new Set(["d1"])));
    expect(more).toEqual([]);
    expect(changed?.rows.map((r) => [r.id, r.status])).toEqual([["b", "accepted"]]);
    expect(changed?.titles).toEqual([]);
    expect(changed?.latest).toBe(5000);
    expect(await latestPairWrite(ctx, "p")).toBe(5000);

    t = 6000;
    await deletePairs(ctx, scope, ["c"]);
    expect(await projectPairIds(ctx, "p")).toEqual(["a", "b"]);
    t = 7000;
    await undo(ctx, scope);
    const [restored] = await all(readPairsChangedSince(ctx, "p", 6500, new Set()));
    expect(restored?.rows.map((r) => r.id)).toEqual(["c"]);
    expect(restored?.titles).toEqual([["d2", "Title d2"]]);
    expect(await all(readPairsChangedSince(ctx, "p", 8000, new Set()))).toEqual([]);
  });

  it("reads many changed pairs a page at a time, each once, with their marks and statuses", async () => {
    await seed();
    const n = 2100;
    const ids = Array.from({ length: n }, (_, i) => `x${String(i).padStart(5, "0")}`);
    // Seven write times of 300 pairs each: a full page ends inside a time's pairs.
    await ctx.db.pairs.bulkAdd(ids.map((id, i) => pair(id, "d1", { updatedAt: 2000 + (i % 7) })));
    const last = ids.at(-1) ?? "";
    const mark = { kind: "duplicate" as const, group: "g1" };
    await ctx.db.marks.put({ id: last, projectId: "p", duplicate: mark, at: 1 });
    t = 3000;
    await setStatus(ctx, scope, ids, "rejected", { sweepFrom: 1 });
    const batches = await all(readPairsChangedSince(ctx, "p", 1500, new Set()));
    expect(PAIRS_VIEW_BATCH).toBe(1000);
    expect(batches.map((b) => b.rows.length)).toEqual([900, 900, 300]);
    const rows = batches.flatMap((b) => b.rows);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    expect(rows.every((r) => r.status === "rejected")).toBe(true);
    expect(rows.find((r) => r.id === last)).toMatchObject({ flags: ["duplicate"], group: "g1" });
    expect(batches.flatMap((b) => b.titles)).toEqual([["d1", "Title d1"]]);
    expect(batches.map((b) => b.latest)).toEqual([2002, 2005, 2006]);
  });

  it("pages by write time read every pair since a time once, in index order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -1, max: 9 }),
        async (times, limit, since) => {
          await ctx.db.pairs.clear();
          await ctx.db.pairs.bulkAdd(
            times.map((u, i) => pair(`k${String(i).padStart(3, "0")}`, "d1", { updatedAt: u })),
          );
          const pages = await ctx.db.transaction("r", ctx.db.pairs, () =>
            readSinceInPages(
              ctx.db.pairs,
              "[projectId+updatedAt]",
              "p",
              since,
              limit,
              (r) => r.updatedAt,
            ),
          );
          const expected = await ctx.db.pairs
            .where("[projectId+updatedAt]")
            .between(["p", since], ["p", Infinity])
            .primaryKeys();
          expect(pages.flat().map((r) => r.id)).toEqual(expected);
          // A page is at most `limit` rows, or the rows of one time.
          for (const page of pages)
            expect(page.length <= limit || new Set(page.map((r) => r.updatedAt)).size === 1).toBe(
              true,
            );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("reads the pairs of one write time whole, however many", async () => {
    await seed();
    const ids = Array.from({ length: 1500 }, (_, i) => `y${String(i).padStart(5, "0")}`);
    await ctx.db.pairs.bulkAdd(ids.map((id) => pair(id, "d1", { updatedAt: 9000 })));
    await ctx.db.pairs.put(pair("z", "d2", { updatedAt: 9001 }));
    const batches = await all(readPairsChangedSince(ctx, "p", 8000, new Set()));
    expect(batches.map((b) => b.rows.length)).toEqual([1500, 1]);
  });

  it("takes titles from the ones read for the whole load, and reads the rest", async () => {
    await seed();
    const titles = await projectTitles(ctx, "p");
    expect([...titles]).toEqual([
      ["d1", "Title d1"],
      ["d2", "Title d2"],
    ]);
    // A document added after the titles were read is read with its pairs.
    const known = { overlay: await readOverlay(ctx, "p"), titles: new Map([["d1", "Known d1"]]) };
    const batch = await readPairsViewBatch(ctx, "p", null, 10, new Set(), known);
    expect(batch.titles).toEqual([
      ["d1", "Known d1"],
      ["d2", "Title d2"],
    ]);
    expect(batch.rows.find((r) => r.id === "a")?.group).toBe("g");
  });

  it("reads a project's pairs in id order after any pair, by cursor or a page per request", async () => {
    // Pairs of two projects interleaved in id order, over more than one page.
    const rows = Array.from({ length: 2600 }, (_, i) =>
      pair(`k${String(i).padStart(4, "0")}`, "d1", { projectId: i % 2 ? "other" : "p" }),
    );
    await ctx.db.pairs.bulkAdd(rows);
    const mine = rows.filter((r) => r.projectId === "p").map((r) => r.id);
    const walkFrom = async (after: string | null, limit: number) => {
      const ids: string[] = [];
      await walkProjectPairs(ctx, "p", after, ({ id }) => {
        ids.push(id);
        return ids.length < limit ? "next" : "stop";
      });
      return ids;
    };
    expect(await walkFrom(null, 5000)).toEqual(mine);
    // From after a pair, and after a pair that is gone (or of another project).
    expect(await walkFrom("k0100", 1100)).toEqual(mine.slice(51, 1151));
    expect(await walkFrom("k0101", 3)).toEqual(mine.slice(51, 54));
    expect(await walkFrom("k2598", 10)).toEqual([]);
    // The same pages in one request each, over the [projectId+id] index.
    const page = async (after: string | null, limit: number) =>
      (await readProjectPairs(ctx, "p", after, limit)).map((r) => r.id);
    expect(await page(null, 5000)).toEqual(mine);
    expect(await page("k0100", 1100)).toEqual(mine.slice(51, 1151));
    expect(await page("k0101", 3)).toEqual(mine.slice(51, 54));
    expect(await page("k2598", 10)).toEqual([]);
  });

  it("reads the pairs of sorted ids: a close range in pages, spread ids one by one", async () => {
    const ids = Array.from({ length: 1300 }, (_, i) => `k${String(i).padStart(4, "0")}`);
    await ctx.db.pairs.bulkAdd(ids.map((id) => pair(id, "d1")));
    const oneByOne = vi.spyOn(ctx.db.pairs, "bulkGet");
    const read = async (wanted: string[]) => {
      oneByOne.mockClear();
      const rows = await ctx.db.transaction("r", ctx.db.pairs, () => readPairsByIds(ctx, wanted));
      return { got: rows.map((r) => r.id), rangeRead: oneByOne.mock.calls.length === 0 };
    };
    // Every other pair from the first to the last: the range, in three pages, is read.
    const everyOther = ids.filter((_, i) => i % 2 === 0);
    expect(await read(everyOther)).toEqual({ got: everyOther, rangeRead: true });
    // Ten spread over the whole: read one by one; a missing id is left out either way.
    const spread = [...ids.filter((_, i) => i % 130 === 0), "k9999"];
    expect(await read(spread)).toEqual({ got: spread.slice(0, -1), rangeRead: false });
    await fc.assert(
      fc.asyncProperty(fc.subarray([...ids, "k0100a", "k1299z"]), async (some) => {
        const wanted = some.sort();
        const { got } = await read(wanted);
        expect(got).toEqual(wanted.filter((id) => !id.endsWith("a") && !id.endsWith("z")));
      }),
      { numRuns: 30 },
    );
  });

  it("reads titles and skips missing documents", async () => {
    await seed();
    expect(await readDocumentTitles(ctx, ["d2", "nope"])).toEqual([["d2", "Title d2"]]);
    expect(await latestPairWrite(ctx, "empty")).toBe(0);
  });
});
