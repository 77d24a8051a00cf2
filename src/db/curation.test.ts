import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbContext } from "./context";
import { addManualPair, deletePairs, editPairText, setStatus, setTaskType } from "./curation";
import { forgetClosedSessions, HISTORY_STEPS, historyStatus, redo, undo } from "./history";
import { StudioDB, type PairRow } from "./schema";

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

function pair(i: number, extra: Partial<PairRow> = {}): PairRow {
  return {
    id: `p${i}`,
    projectId: "p",
    documentId: `d${i % 7}`,
    chunkId: `d${i % 7}:0`,
    index: i,
    question: `Question ${i}?`,
    answer: `Answer ${i}.`,
    status: "pending",
    edited: false,
    origin: "model",
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

async function seed(count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => pair(i));
  await ctx.db.pairs.bulkAdd(rows);
  return rows.map((r) => r.id);
}

/**
 * The stored rows without `updatedAt`, which every write (undo too) moves forward, and `stale`,
 * which restoring text sets so the quality keeper scores it again.
 */
async function state(): Promise<Omit<PairRow, "updatedAt" | "stale">[]> {
  const rows = await ctx.db.pairs.orderBy("id").toArray();
  return rows.map(({ updatedAt: _u, stale: _s, ...rest }) => rest);
}

describe("curation writes with undo and redo", () => {
  it("a bulk reject larger than one batch is one step: progress per batch, undo and redo", async () => {
    const ids = await seed(250);
    const start = await state();
    const progress: number[] = [];
    const changed = await setStatus(ctx, scope, ids, "rejected", {
      onProgress: (done) => progress.push(done),
      batchSize: 200,
    });
    expect(changed).toBe(ids.length);
    expect(progress).toEqual([200, 250]);
    expect(await ctx.db.pairs.filter((p) => p.status === "rejected").count()).toBe(ids.length);
    // One step, written as one history part per batch.
    expect(await ctx.db.history.count()).toBe(2);
    expect(await historyStatus(ctx, scope)).toEqual({
      undo: `Reject ${ids.length.toLocaleString("en-US")} pairs`,
      redo: null,
    });

    expect(await undo(ctx, scope)).toMatch(/^Reject/);
    expect(await state()).toEqual(start);
    expect(await historyStatus(ctx, scope)).toMatchObject({ undo: null });
    expect(await redo(ctx, scope)).toMatch(/^Reject/);
    expect(await ctx.db.pairs.filter((p) => p.status === "rejected").count()).toBe(ids.length);
  });

  it("the history status names the newest step to undo and the earliest undone to redo", async () => {
    const [a, b, c] = await seed(3);
    await setStatus(ctx, scope, [a ?? ""], "accepted");
    await setStatus(ctx, scope, [b ?? ""], "rejected");
    await setStatus(ctx, scope, [c ?? ""], "rejected");
    await undo(ctx, scope);
    await undo(ctx, scope);
    expect(await historyStatus(ctx, scope)).toEqual({
      undo: "Accept 1 pair",
      redo: "Reject 1 pair",
    });
    await undo(ctx, scope);
    expect(await historyStatus(ctx, scope)).toEqual({ undo: null, redo: "Accept 1 pair" });
    // A new action drops the redo side.
    await setStatus(ctx, scope, [c ?? ""], "accepted");
    expect(await historyStatus(ctx, scope)).toEqual({ undo: "Accept 1 pair", redo: null });
    expect(await ctx.db.history.count()).toBe(1);
  });

  it("undo and redo go through a sequence of different actions in order", async () => {
    const ids = await seed(10);
    const s0 = await state();
    await setStatus(ctx, scope, ids.slice(0, 3), "accepted");
    const s1 = await state();
    await setTaskType(ctx, scope, ids.slice(2, 5), "math");
    const s2 = await state();
    await deletePairs(ctx, scope, ids.slice(4, 6));
    const s3 = await state();
    await editPairText(ctx, scope, "p7", { question: "Better?", answer: "Yes." });
    const s4 = await state();
    const added = await addManualPair(ctx, scope, {
      documentId: "d1",
      chunkId: "d1:0",
      question: "Mine?",
      answer: "Mine.",
    });
    const s5 = await state();
    expect(await ctx.db.pairs.get("p7")).toMatchObject({ edited: true, stale: 1 });
    expect(s5.some((r) => r.id === added.id)).toBe(true);

    for (const expected of [s4, s3, s2, s1, s0]) {
      await undo(ctx, scope);
      expect(await state()).toEqual(expected);
    }
    expect(await undo(ctx, scope)).toBeNull();
    for (const expected of [s1, s2, s3, s4, s5]) {
      await redo(ctx, scope);
      expect(await state()).toEqual(expected);
    }
    expect(await redo(ctx, scope)).toBeNull();
  });

  it("a new action after undo drops the redo side", async () => {
    const ids = await seed(3);
    await setStatus(ctx, scope, ids, "accepted");
    await undo(ctx, scope);
    await setStatus(ctx, scope, ids.slice(0, 1), "rejected");
    expect(await historyStatus(ctx, scope)).toEqual({ undo: "Reject 1 pair", redo: null });
  });

  it("keystrokes of one edit coalesce into one step; undo restores the original text", async () => {
    await seed(1);
    await editPairText(ctx, scope, "p0", { question: "Q", answer: "A1" });
    await editPairText(ctx, scope, "p0", { question: "Q", answer: "A12" });
    await editPairText(ctx, scope, "p0", { question: "Q2", answer: "A12" });
    expect(await ctx.db.history.count()).toBe(1);
    await undo(ctx, scope);
    expect(await ctx.db.pairs.get("p0")).toMatchObject({
      question: "Question 0?",
      answer: "Answer 0.",
      edited: false,
      // Scored again: the stored quality may belong to the edited text.
      stale: 1,
    });
  });

  it("edits far apart in time are separate steps", async () => {
    await seed(1);
    await editPairText(ctx, scope, "p0", { question: "Q", answer: "A1" });
    t += 60_000;
    await editPairText(ctx, scope, "p0", { question: "Q", answer: "A2" });
    expect(await ctx.db.history.count()).toBe(2);
    await undo(ctx, scope);
    expect((await ctx.db.pairs.get("p0"))?.answer).toBe("A1");
  });

  it("an undone delete's pairs are scored again, which puts their questions back in the duplicate index", async () => {
    const quality = { grounding: 0.5, flags: [], taskType: "freeFormQa" as const };
    await ctx.db.pairs.bulkAdd([pair(0, { quality })]);
    await deletePairs(ctx, scope, ["p0"]);
    await undo(ctx, scope);
    expect(await ctx.db.pairs.get("p0")).toMatchObject({ quality, stale: 1 });
  });

  it("each tab's session undoes and redoes its own steps; a new step drops only its own redo side", async () => {
    const [a, b, c] = (await seed(3)) as [string, string, string];
    const other = { projectId: "p", session: "s2" };
    const status = async (id: string) => (await ctx.db.pairs.get(id))?.status;
    await setStatus(ctx, scope, [a], "accepted");
    await setStatus(ctx, other, [b], "rejected");
    expect(await historyStatus(ctx, scope)).toEqual({ undo: "Accept 1 pair", redo: null });

    // Undo in the first session undoes its own step, not the other session's newer one.
    expect(await undo(ctx, scope)).toBe("Accept 1 pair");
    expect([await status(a), await status(b)]).toEqual(["pending", "rejected"]);

    // A new step in the other session leaves the first session's redo alone.
    await setStatus(ctx, other, [c], "accepted");
    expect(await historyStatus(ctx, scope)).toEqual({ undo: null, redo: "Accept 1 pair" });
    expect(await historyStatus(ctx, other)).toEqual({ undo: "Accept 1 pair", redo: null });
    expect(await redo(ctx, scope)).toBe("Accept 1 pair");
    expect(await undo(ctx, other)).toBe("Accept 1 pair");
    expect([await status(a), await status(b), await status(c)]).toEqual([
      "accepted",
      "rejected",
      "pending",
    ]);
  });

  it(`keeps the last ${HISTORY_STEPS} steps`, async () => {
    const ids = await seed(1);
    for (let i = 0; i < HISTORY_STEPS + 5; i++) {
      await setStatus(ctx, scope, ids, i % 2 === 0 ? "accepted" : "rejected");
    }
    let undone = 0;
    while ((await undo(ctx, scope)) !== null) undone++;
    expect(undone).toBe(HISTORY_STEPS);
  }, 60_000);

  it("history survives while its session is open and is dropped once it is not", async () => {
    const ids = await seed(2);
    await setStatus(ctx, scope, ids, "accepted");
    await forgetClosedSessions(ctx, ["s1"]);
    expect((await historyStatus(ctx, scope)).undo).not.toBeNull();
    // A second tab (s2) opens while the first is still open.
    await forgetClosedSessions(ctx, ["s2", "s1"]);
    expect((await historyStatus(ctx, scope)).undo).not.toBeNull();
    // A new visit after the first tab closed.
    await forgetClosedSessions(ctx, ["s3"]);
    expect(await historyStatus(ctx, scope)).toEqual({ undo: null, redo: null });
  });

  it("an action that changes nothing records nothing", async () => {
    const ids = await seed(2);
    await setStatus(ctx, scope, ids, "pending");
    expect(await ctx.db.history.count()).toBe(0);
  });
});
