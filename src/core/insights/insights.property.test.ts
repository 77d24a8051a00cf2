import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAGS } from "../quality/flags";
import { TASK_TYPES } from "../quality/task-type";
import { addPairs, emptyInsights, insightsOf, summarize, type InsightsPair } from "./insights";

const arbPair: fc.Arbitrary<InsightsPair> = fc.record(
  {
    chunkId: fc.constantFrom("c0", "c1", "c2", "c3", "orphan"),
    status: fc.constantFrom("pending", "accepted", "rejected"),
    question: fc.string({ maxLength: 40 }),
    answer: fc.string({ maxLength: 200 }),
    taskType: fc.constantFrom(...TASK_TYPES),
    quality: fc.record({
      grounding: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      flags: fc.subarray([...FLAGS]),
      taskType: fc.constantFrom(...TASK_TYPES),
    }),
    duplicate: fc.record({
      kind: fc.constantFrom("duplicate", "nearDuplicate"),
      group: fc.string({ maxLength: 3 }),
    }),
    stale: fc.constant(1 as const),
  },
  { requiredKeys: ["chunkId", "status", "question", "answer"] },
);

const census = {
  chunkIds: ["c0", "c1", "c2", "c3", "c4"],
  synthesized: new Set(["c0", "c1", "c2"]),
};

/** Cuts `xs` at the given positions (sorted, deduplicated, within bounds). */
function split<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const c of [...at, xs.length]) {
    out.push(xs.slice(from, c));
    from = c;
  }
  return out;
}

describe("insights fold", () => {
  it("gives the same figures whatever the batches and their order", () => {
    fc.assert(
      fc.property(
        fc.array(arbPair, { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (pairs, cuts, reverse) => {
          const batches = split(pairs, cuts);
          if (reverse) batches.reverse();
          const acc = emptyInsights();
          for (const b of batches) addPairs(acc, b);
          const whole = insightsOf(pairs, census);
          const batched = summarize(acc, census);
          // Sums of floating-point scores may differ in the last bits with the order.
          expect({ ...batched, grounding: { ...batched.grounding, mean: 0 } }).toEqual({
            ...whole,
            grounding: { ...whole.grounding, mean: 0 },
          });
          if (whole.grounding.mean === null) expect(batched.grounding.mean).toBeNull();
          else expect(batched.grounding.mean).toBeCloseTo(whole.grounding.mean, 9);
        },
      ),
    );
  });

  it("accounts for every pair in each chart", () => {
    fc.assert(
      fc.property(fc.array(arbPair, { maxLength: 60 }), (pairs) => {
        const r = insightsOf(pairs, census);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(r.taskTypes.map((t) => t.count))).toBe(pairs.length);
        expect(r.status.pending + r.status.accepted + r.status.rejected).toBe(pairs.length);
        expect(sum(r.tokens.bins)).toBe(pairs.length);
        expect(sum(r.grounding.bins) + r.grounding.noContentWords).toBe(r.scored);
        expect(r.scored + r.notScored).toBe(pairs.length);
        const chunks = sum(r.pairsPerChunk.bins);
        const withPairs = new Set(pairs.map((p) => p.chunkId));
        // Listed chunks not left out, plus the orphan chunk if it has pairs.
        expect(chunks).toBe(
          census.chunkIds.length -
            r.pairsPerChunk.notSynthesized +
            (withPairs.has("orphan") ? 1 : 0),
        );
        for (const f of r.flags) expect(f.count).toBeLessThanOrEqual(r.flagged);
      }),
    );
  });
});
