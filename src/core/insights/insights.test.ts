import { describe, expect, it } from "vitest";
import { wordEstimate } from "../budget";
import { pairBlock } from "../tags";
import {
  effectiveNumber,
  emptyInsights,
  addPair,
  insightsOf,
  pairTokenEstimate,
  shownTaskType,
  type InsightsPair,
} from "./insights";

const pair = (over: Partial<InsightsPair> = {}): InsightsPair => ({
  chunkId: "c1",
  status: "pending",
  question: "What divides?",
  answer: "Cells.",
  quality: { grounding: 1, flags: [], taskType: "freeFormQa" },
  ...over,
});

const census = (ids: string[], synthesized: string[] = ids) => ({
  chunkIds: ids,
  synthesized: new Set(synthesized),
});

describe("insightsOf", () => {
  it("is all zeros for a project without pairs", () => {
    const r = insightsOf([], census([]));
    expect(r.pairs).toBe(0);
    expect(r.taskTypes.every((t) => t.count === 0)).toBe(true);
    expect(r.effectiveTypes).toBeNull();
    expect(r.pairsPerChunk.mean).toBeNull();
    expect(r.grounding.mean).toBeNull();
    expect(r.tokens.mean).toBeNull();
  });

  it("counts task types by the curator's choice first, then the classifier's", () => {
    const r = insightsOf(
      [
        pair({ status: "accepted" }),
        pair({ taskType: "math", status: "rejected" }),
        pair({ quality: { grounding: 0.2, flags: [], taskType: "yesNo" } }),
      ],
      census(["c1"]),
    );
    const of = (t: string) => r.taskTypes.find((x) => x.type === t);
    expect(of("freeFormQa")).toMatchObject({ count: 1, accepted: 1 });
    expect(of("math")).toMatchObject({ count: 1, rejected: 1 });
    expect(of("yesNo")).toMatchObject({ count: 1, pending: 1 });
    expect(r.typesPresent).toBe(3);
    expect(r.effectiveTypes).toBeCloseTo(3);
    expect(r.taskTypes.some((t) => t.type === null)).toBe(false);
  });

  it("keeps pairs without a current score apart, and out of grounding and flags", () => {
    const r = insightsOf(
      [
        pair({ quality: undefined }),
        pair({ stale: 1, quality: { grounding: 0.1, flags: ["weakGrounding"], taskType: "code" } }),
        pair({ stale: 1, taskType: "code" }),
        pair(),
      ],
      census(["c1"]),
    );
    expect(r.notScored).toBe(3);
    expect(r.scored).toBe(1);
    expect(r.taskTypes.at(-1)).toMatchObject({ type: null, count: 2 });
    expect(r.taskTypes.find((t) => t.type === "code")?.count).toBe(1);
    expect(r.grounding.bins[9]).toBe(1);
    expect(r.grounding.bins.reduce((a, b) => a + b, 0)).toBe(1);
    expect(r.flags.find((f) => f.flag === "weakGrounding")?.count).toBe(0);
  });

  it("bins grounding in tenths, with 1 in the last bin and null apart", () => {
    const scores = [0, 0.05, 0.1, 0.5, 0.99, 1, null];
    const r = insightsOf(
      scores.map((g) => pair({ quality: { grounding: g, flags: [], taskType: "other" } })),
      census(["c1"]),
    );
    expect(r.grounding.bins).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(r.grounding.noContentWords).toBe(1);
    expect(r.grounding.atLeastHalf).toBe(3);
    expect(r.grounding.mean).toBeCloseTo((0 + 0.05 + 0.1 + 0.5 + 0.99 + 1) / 6);
  });

  it("counts each flag once per pair, duplicate marks included", () => {
    const r = insightsOf(
      [
        pair({
          quality: { grounding: 0.1, flags: ["weakGrounding", "weakGrounding"], taskType: "other" },
          duplicate: { kind: "nearDuplicate", group: "g" },
        }),
        pair({ duplicate: { kind: "duplicate", group: "h" } }),
        pair(),
      ],
      census(["c1"]),
    );
    const count = Object.fromEntries(r.flags.map((f) => [f.flag, f.count]));
    expect(count).toMatchObject({ weakGrounding: 1, nearDuplicate: 1, duplicate: 1 });
    expect(r.flagged).toBe(2);
  });

  it("counts chunks without pairs, and leaves unsynthesized ones out of the histogram", () => {
    const pairs = [
      ...Array.from({ length: 12 }, () => pair({ chunkId: "big" })),
      pair({ chunkId: "a" }),
      pair({ chunkId: "a" }),
      pair({ chunkId: "manual" }),
    ];
    const r = insightsOf(
      pairs,
      census(["big", "a", "empty", "todo", "manual"], ["big", "a", "empty"]),
    );
    expect(r.pairsPerChunk.bins).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(r.pairsPerChunk.chunks).toBe(5);
    expect(r.pairsPerChunk.notSynthesized).toBe(1);
    expect(r.pairsPerChunk.mean).toBeCloseTo(15 / 4);
  });

  it("estimates a pair's tokens as the reference does, tags included", () => {
    // "<QUE> What divides? <ANS> Cells. </END>": 6 parts × 1.5.
    expect(pairTokenEstimate(pair())).toBe(9);
    const r = insightsOf([pair(), pair({ answer: "x ".repeat(300) })], census(["c1"]));
    expect(r.tokens.bins[0]).toBe(1);
    expect(r.tokens.bins.at(-1)).toBe(1);
  });

  it("tallies statuses", () => {
    const acc = emptyInsights();
    addPair(acc, pair({ status: "accepted" }));
    addPair(acc, pair({ status: "accepted" }));
    addPair(acc, pair({ status: "rejected" }));
    expect(acc.status).toEqual({ pending: 0, accepted: 2, rejected: 1 });
  });
});

describe("shownTaskType", () => {
  it("is null for a pair never scored and not typed by hand", () => {
    expect(shownTaskType(pair({ quality: undefined }))).toBeNull();
    expect(shownTaskType(pair({ quality: undefined, taskType: "nli" }))).toBe("nli");
  });
});

describe("effectiveNumber", () => {
  it("is the number of categories when they are even, and falls when one dominates", () => {
    expect(effectiveNumber([5, 5, 5, 0])).toBeCloseTo(3);
    expect(effectiveNumber([100, 1, 1])).toBeLessThan(1.2);
    expect(effectiveNumber([0, 0])).toBeNull();
  });
});

describe("pairTokenEstimate", () => {
  it("equals the words estimate of the tagged pair", () => {
    for (const [q, a] of [
      ["", ""],
      ["What  is it?", " Cells "],
      ["a b c", "d"],
    ] as const) {
      expect(pairTokenEstimate({ question: q, answer: a })).toBe(wordEstimate(pairBlock(q, a)));
    }
  });
});
