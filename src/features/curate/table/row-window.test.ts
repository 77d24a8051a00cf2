import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PairsTableRow } from "../../../core/curation/pairs-index";
import { mergeRows, READ_BLOCK, readWindow, rowSlots, rowsToAsk } from "./row-window";
import { PairKeys, ViewIds } from "./view-ids";

const row = (id: string, status: PairsTableRow["status"] = "pending"): PairsTableRow => ({
  id,
  documentId: "d",
  title: "Doc",
  index: 0,
  question: `Question ${id}?`,
  answer: "Answer.",
  status,
  grounding: 1,
  scored: true,
  taskType: "freeFormQa",
  taskTypeSet: false,
  flags: [],
  group: null,
  edited: false,
  createdAt: 1,
  updatedAt: 1,
});

describe("rowSlots", () => {
  it("gives every rendered row of a window its own key, and a screen-long step the same keys", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 2000 }), // viewport px
        fc.integer({ min: 20, max: 200 }), // row px
        fc.integer({ min: 0, max: 10_000 }), // first row before the step
        fc.integer({ min: 1, max: 500 }), // rows the step moves
        fc.integer({ min: 0, max: 1 }), // rows short of a full window (where it ends mid-row)
        (viewport, rowPx, first, step, short) => {
          const rendered = Math.ceil(viewport / rowPx) + 1 + 2 * 3 - short;
          const slots = rowSlots(rendered, viewport, rowPx);
          const keys = (from: number) =>
            Array.from({ length: rendered }, (_, i) => (from + i) % slots);
          const before = keys(first);
          const after = keys(first + step);
          expect(new Set(before).size).toBe(rendered);
          expect(new Set(after).size).toBe(rendered);
          // The keys both windows share are elements React reuses instead of creating.
          const reused = after.filter((k) => before.includes(k)).length;
          expect(reused).toBeGreaterThanOrEqual(rendered - 1);
        },
      ),
    );
  });

  it("never has fewer slots than rows rendered (an open editor may change how many fit)", () => {
    expect(rowSlots(40, 400, 54)).toBe(40);
    expect(rowSlots(3, 540, 54)).toBe(17);
  });
});

describe("readWindow", () => {
  const keys = new PairKeys();
  const ids = Array.from({ length: 1000 }, (_, i) => `p${i}`);
  const view = new ViewIds(keys.keysFor(ids), keys);

  it("reads whole blocks with one more on each side", () => {
    const out = readWindow(view, 40, 60);
    expect(out[0]).toBe("p0");
    expect(out).toHaveLength(3 * READ_BLOCK);
    expect(readWindow(view, 100, 120)[0]).toBe(`p${2 * READ_BLOCK}`);
  });

  it("stops at the end of the view, and reads nothing for an empty window", () => {
    expect(readWindow(view, 990, 999).at(-1)).toBe("p999");
    expect(readWindow(view, 5, 4)).toEqual([]);
  });
});

describe("rowsToAsk and mergeRows", () => {
  const have = {
    rows: new Map([
      ["a", row("a")],
      ["b", row("b")],
    ]),
    version: 3,
  };

  it("asks only for the rows it lacks while the pairs are unchanged", () => {
    expect(rowsToAsk(["a", "b", "c"], have, 3)).toEqual(["c"]);
  });

  it("asks for every row again once the pairs changed", () => {
    expect(rowsToAsk(["a", "b", "c"], have, 4)).toEqual(["a", "b", "c"]);
  });

  it("keeps the rows it did not ask for, keeps unchanged objects, and drops rows out of view", () => {
    const next = mergeRows(have, [row("c")], ["b", "c"], 3);
    expect([...next.rows.keys()]).toEqual(["b", "c"]);
    expect(next.rows.get("b")).toBe(have.rows.get("b"));
  });

  it("takes a changed row and drops a row deleted since, when the version moved", () => {
    const next = mergeRows(have, [row("a", "accepted"), null], ["a", "b"], 4);
    expect(next.rows.get("a")?.status).toBe("accepted");
    expect(next.rows.has("b")).toBe(false);
    expect(next.version).toBe(4);
    const same = mergeRows(have, [row("a")], ["a"], 4);
    expect(same.rows.get("a")).toBe(have.rows.get("a"));
  });
});
