import "fake-indexeddb/auto";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbContext } from "./context";
import { setStatus, setTaskType } from "./curation";
import { countProjectForExport } from "./export";
import { redo, undo } from "./history";
import { readInsights } from "./insights";
import { listPairs } from "./pairs";
import { readPairsChangedSince, type PairsViewBatch } from "./pairs-view";
import { StudioDB, type PairRow, type PairStatus } from "./schema";
import { foldSweeps, NO_SWEEPS, OverlayCache, statusesOtherThan, SWEEP_FROM } from "./sweeps";

let ctx: DbContext;
let n = 0;
let t = 1000;
const scope = { projectId: "p", session: "s1" };

beforeEach(() => {
  n = 0;
  t = 1000;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

function pair(i: number): PairRow {
  return {
    id: `p${String(i).padStart(4, "0")}`,
    projectId: "p",
    documentId: "d",
    chunkId: "d:0",
    index: i,
    question: `Question ${i}?`,
    answer: `Answer ${i}.`,
    status: "pending",
    edited: false,
    origin: "model",
    createdAt: 1,
    updatedAt: 1,
  };
}

async function seed(count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => pair(i));
  await ctx.db.pairs.bulkAdd(rows);
  return rows.map((r) => r.id);
}

/** Every pair's status as the document view reads it. */
async function statuses(): Promise<Record<string, PairStatus>> {
  return Object.fromEntries((await listPairs(ctx, "d")).map((p) => [p.id, p.status]));
}

/** Every pair's status as stored in its row (what a fold leaves). */
async function stored(): Promise<Record<string, PairStatus>> {
  return Object.fromEntries((await ctx.db.pairs.toArray()).map((p) => [p.id, p.status]));
}

async function foldAll(): Promise<void> {
  while (await foldSweeps(ctx, 7));
}

describe("status sweeps", () => {
  it("a large bulk reject is one sweep: no row written, every read sees it, fold makes it stored", async () => {
    const ids = await seed(SWEEP_FROM + 20);
    const changed = await setStatus(ctx, scope, ids.slice(0, SWEEP_FROM + 10), "rejected");
    expect(changed).toBe(SWEEP_FROM + 10);
    expect(await ctx.db.sweeps.count()).toBe(1);
    expect(await ctx.db.pairs.filter((p) => p.status === "rejected").count()).toBe(0);

    const seen = await statuses();
    expect(Object.values(seen).filter((s) => s === "rejected")).toHaveLength(SWEEP_FROM + 10);
    expect(await countProjectForExport(ctx, "p")).toMatchObject({
      rejected: SWEEP_FROM + 10,
      pending: 10,
    });
    expect((await readInsights(ctx, "p")).status.rejected).toBe(SWEEP_FROM + 10);
    const synced: PairsViewBatch["rows"] = [];
    for await (const b of await readPairsChangedSince(ctx, "p", 0, new Set()))
      synced.push(...b.rows);
    expect(synced.filter((r) => r.status === "rejected")).toHaveLength(SWEEP_FROM + 10);

    await foldAll();
    expect(await ctx.db.sweeps.count()).toBe(0);
    expect(await stored()).toEqual(seen);
    expect(await statuses()).toEqual(seen);
  });

  it("undo and redo of a sweep write sweeps, before and after folding", async () => {
    const ids = await seed(12);
    await setStatus(ctx, scope, ids.slice(0, 4), "accepted");
    const start = await statuses();
    await setStatus(ctx, scope, ids, "rejected", { sweepFrom: 1 });
    const rejected = await statuses();
    expect(Object.values(rejected).every((s) => s === "rejected")).toBe(true);
    expect(await undo(ctx, scope)).toBe("Reject 12 pairs");
    expect(await statuses()).toEqual(start);
    await foldAll();
    expect(await stored()).toEqual(start);
    await redo(ctx, scope);
    expect(await statuses()).toEqual(rejected);
    await foldAll();
    expect(await stored()).toEqual(rejected);
  });

  it("a pair changed after a sweep keeps its change when the older sweep is folded", async () => {
    const ids = await seed(10);
    await setStatus(ctx, scope, ids, "rejected", { sweepFrom: 1 });
    await setStatus(ctx, scope, [ids[3] as string], "accepted");
    await setTaskType(ctx, scope, [ids[5] as string], "commonsense");
    await foldAll();
    const rows = await ctx.db.pairs.bulkGet([ids[3] as string, ids[5] as string]);
    expect(rows.map((r) => r?.status)).toEqual(["accepted", "rejected"]);
    expect(rows[1]?.taskType).toBe("commonsense");
    // The task type's undo step holds no status: undoing it leaves the swept status alone.
    await undo(ctx, scope);
    expect((await ctx.db.pairs.get(ids[5] as string))?.status).toBe("rejected");
  });

  it("only pairs whose status changes are swept, and missing ids are skipped", async () => {
    const ids = await seed(6);
    await setStatus(ctx, scope, ids.slice(0, 2), "rejected");
    const changed = await setStatus(ctx, scope, [...ids, "gone"], "rejected", { sweepFrom: 1 });
    expect(changed).toBe(4);
    expect((await ctx.db.sweeps.toArray())[0]?.ids).toEqual(ids.slice(2));
  });

  it("reads statuses in pages of the project's keys: past a page, and never another project's pairs", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      ...pair(i),
      status: (["pending", "pending", "accepted", "rejected"] as const)[i % 4] as PairStatus,
    }));
    const elsewhere = { ...pair(99_999), projectId: "q", documentId: "e" };
    await ctx.db.pairs.bulkAdd([...rows, elsewhere]);
    const ids = [elsewhere.id, ...rows.map((r) => r.id).reverse()];
    const read = (page: number) =>
      ctx.db.transaction("r", ctx.db.pairs, ctx.db.sweeps, () =>
        statusesOtherThan(ctx, "p", ids, "rejected", NO_SWEEPS, page),
      );
    const expected = new Map(
      rows.filter((r) => r.status !== "rejected").map((r) => [r.id, r.status]),
    );
    // Pages of 4 and 5 end exactly where a status ends (20 pending, 10 accepted); 7 ends inside.
    for (const page of [4, 5, 7, 100]) expect(new Map(await read(page))).toEqual(expected);
  });

  it("an overlay kept across a bulk edit's batches is read again only for a new sweep", async () => {
    const ids = await seed(6);
    const cache = new OverlayCache("p");
    const resolved = () =>
      ctx.db.transaction("r", ctx.db.pairs, ctx.db.sweeps, async () => {
        const overlay = await cache.current(ctx);
        const rows = await ctx.db.pairs.bulkGet(ids);
        return { overlay, statuses: rows.map((r) => r && overlay.resolve(r).status) };
      });
    await setStatus(ctx, scope, ids.slice(0, 3), "rejected", { sweepFrom: 1 });
    const first = await resolved();
    expect(first.statuses).toEqual([
      "rejected",
      "rejected",
      "rejected",
      "pending",
      "pending",
      "pending",
    ]);
    // Folding (and deleting) a sweep it has seen keeps the overlay, and rows still resolve right.
    await foldAll();
    const afterFold = await resolved();
    expect(afterFold.overlay).toBe(first.overlay);
    expect(afterFold.statuses).toEqual(first.statuses);
    // A new sweep is read.
    await setStatus(ctx, scope, ids.slice(2), "accepted", { sweepFrom: 1 });
    const afterNew = await resolved();
    expect(afterNew.overlay).not.toBe(first.overlay);
    expect(afterNew.statuses).toEqual([
      "rejected",
      "rejected",
      "accepted",
      "accepted",
      "accepted",
      "accepted",
    ]);
  });

  it("any mix of sweeps, single changes, partial folds and undo reads like plain status writes", async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("sweep" as const),
        ids: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }),
        status: fc.constantFrom<PairStatus>("pending", "accepted", "rejected"),
      }),
      fc.record({
        kind: fc.constant("one" as const),
        id: fc.integer({ min: 0, max: 7 }),
        status: fc.constantFrom<PairStatus>("pending", "accepted", "rejected"),
      }),
      fc.record({ kind: fc.constant("fold" as const), limit: fc.integer({ min: 1, max: 5 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 10 }), fc.boolean(), async (ops, undoAll) => {
        await ctx.db.delete();
        ctx = { db: new StudioDB(`prop-${Math.random()}`), now: () => t++, newId: () => "x" };
        const ids = await seed(8);
        const model: Record<string, PairStatus> = await statuses();
        const start = { ...model };
        for (const o of ops) {
          if (o.kind === "fold") {
            await foldSweeps(ctx, o.limit);
            continue;
          }
          const targets =
            o.kind === "sweep" ? o.ids.map((i) => ids[i] as string) : [ids[o.id] as string];
          await setStatus(ctx, scope, targets, o.status, {
            sweepFrom: o.kind === "sweep" ? 1 : 99,
          });
          for (const id of targets) model[id] = o.status;
          expect(await statuses()).toEqual(model);
        }
        if (undoAll) {
          while ((await undo(ctx, scope)) !== null);
          expect(await statuses()).toEqual(start);
          await foldAll();
          expect(await stored()).toEqual(start);
        } else {
          await foldAll();
          expect(await stored()).toEqual(model);
        }
      }),
      { numRuns: 40 },
    );
  });
});
