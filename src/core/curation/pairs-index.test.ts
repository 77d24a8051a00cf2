import { describe, expect, it } from "vitest";
import { PairsIndex } from "./pairs-index";
import { facts } from "./test-facts.test-helpers";
import { EMPTY_VIEW, type PairsView } from "./view";

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

  it("answers within the table's budget on 100,000 pairs", () => {
    const index = new PairsIndex();
    const words = "cell divide protein membrane energy light water carbon growth signal".split(" ");
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      facts(`p${i}`, {
        documentId: `d${i % 20_000}`,
        index: Math.floor(i / 20_000),
        question: `What does ${words[i % 10]} number ${i} do with ${words[(i * 7) % 10]}?`,
        answer: `It ${words[(i * 3) % 10]} the ${words[(i * 9) % 10]} ${i % 97}.`,
        status: (["pending", "accepted", "rejected"] as const)[i % 3],
        grounding: (i % 100) / 100,
      }),
    );
    index.setTitles(Array.from({ length: 20_000 }, (_, d) => [`d${d}`, `Document ${d}`] as const));
    for (let i = 0; i < rows.length; i += 5000) index.upsert(rows.slice(i, i + 5000));
    index.query(EMPTY_VIEW);
    const time = (v: PairsView) => {
      const t = performance.now();
      const r = index.query(v);
      return { ms: performance.now() - t, n: r.ids.length };
    };
    const filtered = time(view({ statuses: ["accepted"], groundingMin: 0.5 }));
    const searched = time(view({ search: "protein wa" }));
    console.info(
      `100k pairs: filter ${filtered.ms.toFixed(1)} ms, search ${searched.ms.toFixed(1)} ms`,
    );
    expect(filtered.n).toBeGreaterThan(10_000);
    expect(searched.n).toBeGreaterThan(1000);
    // The budget is 100 ms in the browser (a few ms on an idle desktop); a shared test machine
    // under load runs plain loops ten times slower, so this only catches a gross regression.
    expect(filtered.ms).toBeLessThan(1000);
    expect(searched.ms).toBeLessThan(1000);
  }, 60_000);
});
