import { describe, expect, it } from "vitest";
import type { Entry } from "../collection";
import type { Pair } from "../types";
import {
  COOK_MODES,
  cookCollection,
  cookCollectionDetailed,
  cookCollections,
  groupEntries,
  MODE_WEIGHTS_MULTI,
  MODE_WEIGHTS_SINGLE,
  type CookMode,
} from "./cook";
import { DEFAULT_TEMPLATE_PACK as PACK } from "./default-pack";

const entry = (text: string, pairs: Pair[], inheritsFromPrevious = false): Entry => ({
  text,
  pairs,
  inheritsFromPrevious,
  followedByNext: false,
});
const pairs = (tag: string, n: number): Pair[] =>
  Array.from({ length: n }, (_, i) => ({
    question: `${tag} question ${i}?`,
    answer: `${tag}-answer-${i}`,
  }));

/** Three chained entries (one group), then a stand-alone one and a raw one. */
const sample: Entry[] = [
  entry("First text about cells.", pairs("one", 3)),
  entry("Second text about tissues.", pairs("two", 2), true),
  entry("Third text about organs.", pairs("three", 4), true),
  entry("A text on its own.", pairs("solo", 1)),
  entry("A text without pairs.", []),
];

describe("cookCollection", () => {
  it("is byte-for-byte deterministic", () => {
    const collections = Array.from({ length: 30 }, () => sample);
    expect(cookCollections(collections, PACK, 1234)).toEqual(
      cookCollections(collections, PACK, 1234),
    );
    expect(cookCollections(collections, PACK, 1234)).not.toEqual(
      cookCollections(collections, PACK, 99),
    );
  });

  it("seeds collection j with baseSeed + j, so inserting one does not reshuffle the rest", () => {
    const a = [sample, sample.slice(0, 2)];
    const b = [sample.slice(3), ...a];
    const cookedA = a.map((c, j) => cookCollection(c, PACK, 10 + j));
    const cookedB = b.map((c, j) => cookCollection(c, PACK, 9 + j));
    expect(cookedB.slice(1)).toEqual(cookedA);
    expect(cookCollections(a, PACK, 10)).toEqual(cookedA.flat());
  });

  it("groups chained entries into one text, in order, with every pair verbatim", () => {
    for (let seed = 0; seed < 200; seed++) {
      const cooked = cookCollectionDetailed(sample, PACK, seed);
      expect(cooked.map((c) => c.entries)).toEqual([[0, 1, 2], [3], [4]]);
      const group = cooked[0]!.text;
      const positions = [0, 1, 2].map((i) => group.indexOf(sample[i]!.text));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      for (const [i, c] of cooked.entries()) {
        for (const e of c.entries) {
          for (const p of sample[e]!.pairs) {
            expect(cooked[i]!.text).toContain(p.question);
            expect(cooked[i]!.text).toContain(p.answer);
          }
        }
      }
    }
  });

  it("emits entries left without pairs as their raw text alone, in place", () => {
    const broken = { question: "Why?\nLet's think step by step.", answer: "no marker" };
    const collection = [
      entry("Kept.", pairs("k", 2)),
      entry("Dropped pairs.", [broken], true),
      entry("Kept too.", pairs("t", 2), true),
      entry("   ", []),
      entry("", [broken]),
    ];
    const cooked = cookCollectionDetailed(collection, PACK, 5);
    expect(cooked.map((c) => [c.kind, c.entries])).toEqual([
      ["group", [0, 2]],
      ["raw", [1]],
    ]);
    expect(cooked[1]!.text).toBe("Dropped pairs.");
  });

  it("uses the single-pair weights when any entry of the group has one pair left", () => {
    const mixed = [entry("a", pairs("a", 3)), entry("b", pairs("b", 1), true)];
    const modes = new Set<string>();
    for (let seed = 0; seed < 2000; seed++) {
      const [cooked] = cookCollectionDetailed(mixed, PACK, seed);
      if (cooked?.kind === "group") modes.add(cooked.mode);
    }
    expect([...modes].sort()).toEqual(["classic", "dialog"]);
  });

  it("groups by inheritsFromPrevious only", () => {
    expect(groupEntries([])).toEqual([]);
    const flags = [true, false, true, true, false];
    expect(groupEntries(flags.map((f) => entry("t", [], f)))).toEqual([[0], [1, 2, 3], [4]]);
  });
});

/** Cooks 10,000 one-group collections (seeds 0..9999) and measures modes and inversion. */
function frequencies(pairCount: number) {
  const counts = Object.fromEntries(COOK_MODES.map((m) => [m, 0])) as Record<CookMode, number>;
  let inverted = 0;
  const n = 10_000;
  const collection = [entry("Some text.", pairs("p", pairCount))];
  for (let seed = 0; seed < n; seed++) {
    const [cooked] = cookCollectionDetailed(collection, PACK, seed);
    if (cooked?.kind !== "group") throw new Error("expected a rendered group");
    counts[cooked.mode] += 1;
    if (cooked.inverted) inverted += 1;
  }
  const percent = (k: number) => (100 * k) / n;
  return {
    modes: Object.fromEntries(COOK_MODES.map((m) => [m, percent(counts[m])])) as Record<
      CookMode,
      number
    >,
    inverted: percent(inverted),
  };
}

describe("mode and inversion frequencies over 10,000 seeded groups", () => {
  it.each([
    ["smallest pair count 1", 1, MODE_WEIGHTS_SINGLE],
    ["smallest pair count >= 2", 3, MODE_WEIGHTS_MULTI],
  ])("%s", (_label, pairCount, weights) => {
    const measured = frequencies(pairCount);
    console.info(`modes (${pairCount} pairs): ${JSON.stringify(measured)}`);
    for (const mode of COOK_MODES) {
      expect(Math.abs(measured.modes[mode] - weights[mode])).toBeLessThanOrEqual(1.5);
    }
    expect(Math.abs(measured.inverted - 5)).toBeLessThanOrEqual(1.5);
  });
});
