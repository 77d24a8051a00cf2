import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flag } from "../quality/flags";
import type { TaskType } from "../quality/task-type";
import type { PairFacts } from "./facts";
import { PairsIndex } from "./pairs-index";
import { facts } from "./test-facts.test-helpers";
import { EMPTY_VIEW, SORT_KEYS, type PairsView } from "./view";

const view = (over: Partial<PairsView>): PairsView => ({ ...EMPTY_VIEW, ...over });

function sample(): PairsIndex {
  const index = new PairsIndex();
  index.setTitles([
    ["d1", "Doc 10"],
    ["d2", "Doc 2"],
  ]);
  index.upsert([
    facts("a", { documentId: "d1", index: 0, question: "Why do cells divide?", grounding: 0.9 }),
    facts("b", {
      documentId: "d1",
      index: 1,
      status: "accepted",
      grounding: 0.2,
      flags: ["duplicate"],
      group: "g",
    }),
    facts("c", {
      documentId: "d2",
      index: 0,
      status: "rejected",
      taskType: "math",
      flags: ["duplicate"],
      group: "g",
    }),
    facts("d", { documentId: "d2", index: 1, question: "Name the cell part.", grounding: 0.5 }),
  ]);
  return index;
}

describe("PairsIndex", () => {
  it("orders by document title (numeric), then pair order", () => {
    expect(sample().query(EMPTY_VIEW).ids).toEqual(["c", "d", "a", "b"]);
  });

  it("sorts by a column, missing values last both ways", () => {
    const index = sample();
    expect(index.query(view({ sort: { key: "grounding", desc: false } })).ids).toEqual([
      "b",
      "d",
      "a",
      "c",
    ]);
    expect(index.query(view({ sort: { key: "grounding", desc: true } })).ids).toEqual([
      "a",
      "d",
      "b",
      "c",
    ]);
    expect(index.query(view({ sort: { key: "status", desc: false } })).ids).toEqual([
      "d",
      "a",
      "b",
      "c",
    ]);
  });

  it("combines filters and search, and counts statuses before the status filter", () => {
    const index = sample();
    const r = index.query(view({ statuses: ["pending"], search: "cell" }));
    expect(r.ids).toEqual(["d", "a"]);
    expect(r.statusCounts).toEqual({ pending: 2, accepted: 0, rejected: 0 });
    expect(index.query(view({ flags: ["duplicate"], documents: ["d1"] })).ids).toEqual(["b"]);
    expect(index.query(view({ groundingMin: 0.3, groundingMax: 0.9 })).ids).toEqual(["d", "a"]);
    expect(index.query(view({ taskTypes: ["math"] })).ids).toEqual(["c"]);
    expect(r.total).toBe(4);
  });

  it("sets statuses from a sweep: filters, counts and the status sort follow", () => {
    const index = sample();
    const sorted = view({ sort: { key: "status", desc: false } });
    expect(index.query(sorted).ids).toEqual(["d", "a", "b", "c"]);
    index.setStatus(["a", "d", "unknown"], "rejected");
    expect(index.query(sorted).ids).toEqual(["b", "c", "d", "a"]);
    const r = index.query(view({ statuses: ["rejected"] }));
    expect(r.ids).toEqual(["c", "d", "a"]);
    expect(r.statusCounts).toEqual({ pending: 0, accepted: 1, rejected: 3 });
    expect(r.total).toBe(4);
  });

  it("follows upserts, text edits and removals", () => {
    const index = sample();
    const sorted = view({ sort: { key: "status", desc: false } });
    index.query(sorted);
    index.upsert([
      facts("d", { documentId: "d2", index: 1, question: "Name it.", status: "rejected" }),
    ]);
    expect(index.query(sorted).ids).toEqual(["a", "b", "c", "d"]);
    expect(index.query(view({ search: "cell" })).ids).toEqual(["a"]);
    expect(index.query(view({ search: "name" })).ids).toEqual(["d"]);
    index.remove(["a"]);
    expect(index.query(EMPTY_VIEW).ids).toEqual(["c", "d", "b"]);
    expect(index.retain(["b", "c"])).toBe(1);
    expect(index.size).toBe(2);
    expect(index.rows(["b", "zz"])).toEqual([
      expect.objectContaining({ id: "b", title: "Doc 10" }),
      null,
    ]);
  });

  it("plans keep-one over whole groups", () => {
    // b is accepted: kept; c is already rejected.
    expect(sample().keepOnePlan(["c"])).toEqual({ keep: ["b"], reject: [] });
  });

  it("lists documents by title", () => {
    expect(sample().documents("doc", 5)).toEqual([
      { id: "d2", title: "Doc 2", pairs: 2 },
      { id: "d1", title: "Doc 10", pairs: 2 },
    ]);
  });

  it("answers with the keys its owner gave the pairs, through edits and compaction", () => {
    const index = new PairsIndex();
    const rows = Array.from({ length: 30 }, (_, i) => facts(`p${i}`, { index: i }));
    index.upsert(
      rows,
      Int32Array.from(rows, (_, i) => 100 + i),
    );
    expect([...index.queryKeys(EMPTY_VIEW).keys]).toEqual(rows.map((_, i) => 100 + i));
    // A text edit moves a pair to a new slot; its key stays.
    index.upsert([facts("p3", { index: 3, question: "Edited?" })], [103]);
    expect(index.queryKeys(view({ search: "edited" })).keys).toEqual(Int32Array.of(103));
    index.remove(rows.slice(0, 20).map((r) => r.id));
    expect([...index.queryKeys(EMPTY_VIEW).keys]).toEqual(rows.slice(20).map((_, i) => 120 + i));
  });

  it("filters like the plain reading of the filter, in the unfiltered view's order", () => {
    const statuses = ["pending", "accepted", "rejected"] as const;
    const types = ["math", "yesNo", "code"] as const;
    const flags = ["duplicate", "shortQuestion", "weakGrounding"] as const;
    const grounding = fc.option(fc.integer({ min: 0, max: 10 }).map((g) => g / 10));
    const pair = fc.record({
      doc: fc.integer({ min: 0, max: 3 }),
      status: fc.constantFrom(...statuses),
      grounding,
      taskType: fc.option(fc.constantFrom(...types)),
      flags: fc.uniqueArray(fc.constantFrom(...flags)),
    });
    const filter = fc.record({
      statuses: fc.uniqueArray(fc.constantFrom(...statuses)),
      documents: fc.uniqueArray(fc.constantFrom<string>("d0", "d2", "missing")),
      taskTypes: fc.uniqueArray(fc.constantFrom<TaskType>(...types)),
      flags: fc.uniqueArray(fc.constantFrom<Flag>(...flags)),
      groundingMin: grounding,
      groundingMax: grounding,
    });
    const sortKeys = fc.constantFrom(...SORT_KEYS);
    fc.assert(
      fc.property(
        fc.array(pair, { maxLength: 40 }),
        filter,
        sortKeys,
        fc.boolean(),
        (ps, f, key, desc) => {
          const index = new PairsIndex();
          const rows = ps.map((p, i) =>
            facts(`p${i}`, { ...p, documentId: `d${p.doc}`, index: i, taskType: p.taskType }),
          );
          index.upsert(rows);
          const sort = { key, desc };
          // Every filter but the status one, as the status buttons count.
          const rest = (p: PairFacts) =>
            (f.documents.length === 0 || f.documents.includes(p.documentId)) &&
            (f.taskTypes.length === 0 ||
              (p.taskType !== null && f.taskTypes.includes(p.taskType))) &&
            (f.flags.length === 0 || p.flags.some((x) => f.flags.includes(x))) &&
            ((f.groundingMin === null && f.groundingMax === null) ||
              (p.grounding !== null &&
                (f.groundingMin === null || p.grounding >= f.groundingMin) &&
                (f.groundingMax === null || p.grounding <= f.groundingMax)));
          const byId = new Map(rows.map((r) => [r.id, r]));
          const all = index.query(view({ sort })).ids.map((id) => byId.get(id) as PairFacts);
          const got = index.query(view({ ...f, sort }));
          const shown = all.filter(
            (p) => (f.statuses.length === 0 || f.statuses.includes(p.status)) && rest(p),
          );
          expect(got.ids).toEqual(shown.map((p) => p.id));
          for (const s of statuses)
            expect(got.statusCounts[s]).toBe(all.filter((p) => p.status === s && rest(p)).length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
