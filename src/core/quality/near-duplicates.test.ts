import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimatedJaccard, questionKey, shingleHashes, signatureOf } from "./minhash";
import { NearDuplicateIndex } from "./near-duplicates";

/** Pairs a curator would call the same question. */
const NEAR: [string, string][] = [
  ["Which organelle produces energy in the cell?", "What organelle produces the energy of a cell?"],
  ["What is the main function of mitochondria?", "What is the main function of the mitochondria?"],
  [
    "What are the main causes of the economic decline in the region?",
    "What are the main causes of the region's economic decline?",
  ],
  [
    "What did the researchers discover about the effects of caffeine on sleep?",
    "What did researchers discover about caffeine's effects on sleep?",
  ],
  ["How many people live in Tokyo?", "How many people live in Tokyo today?"],
];

/** Pairs that look alike but ask different things. */
const DIFFERENT: [string, string][] = [
  ["What is the capital of France?", "What is the capital of Germany?"],
  ["What is the population of Tokyo?", "What is the population of Osaka?"],
  ["Who won the 2018 World Cup?", "Who won the 2014 World Cup?"],
  ["What is DNA?", "What is RNA?"],
  ["Why do leaves change colour in autumn?", "How do bees find flowers?"],
];

/** Long synthetic questions: `span(1, 24)` and `span(7, 30)` share 18 of 30 words (0.6). */
const span = (from: number, to: number) =>
  `Is ${Array.from({ length: to - from + 1 }, (_, i) => `w${from + i}`).join(" ")}?`;

/** The partition an index induces, as sorted lists of ids, for comparisons. */
function partition(index: NearDuplicateIndex, ids: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const g = index.groupOf(id);
    if (g === undefined) continue;
    groups.set(g, [...(groups.get(g) ?? []), id]);
  }
  return [...groups.values()]
    .map((m) => m.sort())
    .sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

describe("NearDuplicateIndex", () => {
  it.each(NEAR)("groups %j with %j", (a, b) => {
    const index = new NearDuplicateIndex();
    const g = index.add("a", a);
    expect(index.add("b", b)).toBe(g);
    expect(index.flagsOf("a")).toEqual(["nearDuplicate"]);
    expect(index.duplicatesOf("b")).toEqual({ exact: [], near: ["a"] });
  });

  it.each(DIFFERENT)("keeps %j and %j apart", (a, b) => {
    const index = new NearDuplicateIndex();
    expect(index.add("a", a)).not.toBe(index.add("b", b));
    expect(index.flagsOf("a")).toEqual([]);
  });

  it("ignores word order with single-word shingles, and sees it with 2-grams", () => {
    const reordered: [string, string][] = [
      ["Did Rome defeat Carthage?", "Did Carthage defeat Rome?"],
      [
        "What are the main causes of the economic decline in the region?",
        "What are the main causes of the region's economic decline?",
      ],
    ];
    for (const [a, b] of reordered) {
      const words = new NearDuplicateIndex();
      expect(words.add("a", a)).toBe(words.add("b", b));
      const bigrams = new NearDuplicateIndex({ shingleSize: 2 });
      expect(bigrams.add("a", a)).not.toBe(bigrams.add("b", b));
    }
  });

  it("finds exact duplicates after normalization", () => {
    const index = new NearDuplicateIndex();
    const g = index.add("a", "What is DNA?");
    expect(index.add("b", "  what is  DNA")).toBe(g);
    expect(index.flagsOf("b")).toEqual(["duplicate"]);
    expect(index.duplicatesOf("a")).toEqual({ exact: ["b"], near: [] });
    expect(questionKey("What is DNA?")).toBe(questionKey("what is dna"));
  });

  it("groups empty questions (and questions of only punctuation) as exact duplicates only", () => {
    const index = new NearDuplicateIndex();
    const g = index.add("a", "");
    expect(index.add("b", "?!")).toBe(g);
    expect(index.add("c", "Why?")).not.toBe(g);
  });

  it("is transitive, and splits a chain when its middle is removed", () => {
    const index = new NearDuplicateIndex();
    const g = index.add("a", span(1, 24));
    index.add("c", span(7, 30));
    expect(index.groupOf("c")).not.toBe(g); // 0.6: not similar enough on their own
    expect(index.add("b", span(1, 30))).toBe(g); // 0.8 to each: links them
    expect(index.groupOf("c")).toBe(g);
    expect(index.membersOf(g)).toEqual(["a", "c", "b"]);
    index.takeChanged();

    expect(index.remove("b")).toBe(true);
    expect(index.groupOf("a")).toBe(g); // the part with the oldest member keeps the id
    expect(index.groupOf("c")).not.toBe(g);
    expect(index.groupOf("b")).toBeUndefined();
    expect(index.takeChanged().sort()).toEqual(["a", "c"]);
    expect(index.remove("b")).toBe(false);
  });

  it("keeps the rest of a group together when one of its questions is removed", () => {
    const index = new NearDuplicateIndex();
    const g = index.add("a", "What is the main function of mitochondria?");
    index.add("b", "What is the main function of the mitochondria?");
    index.add("c", "What's the main function of mitochondria?");
    index.remove("a");
    expect([index.groupOf("b"), index.groupOf("c")]).toEqual([g, g]);
    expect(index.flagsOf("c")).toEqual(["nearDuplicate"]);
  });

  it("keeps the older group id when two groups merge, and reports who changed", () => {
    const index = new NearDuplicateIndex();
    const g1 = index.add("a", span(1, 24));
    const g2 = index.add("c", span(7, 30));
    index.add("d", span(7, 30));
    expect(index.takeChanged()).toEqual(["a", "c", "d"]);
    index.add("b", span(1, 30));
    expect([g1, g2].map((g) => index.membersOf(g))).toEqual([["a", "c", "d", "b"], []]);
    expect(index.takeChanged().sort()).toEqual(["a", "b", "c", "d"]);
    expect(index.takeChanged()).toEqual([]);
  });

  it("treats adding an id again as an edit", () => {
    const index = new NearDuplicateIndex();
    index.add("a", "What is the capital of France?");
    const g = index.add("b", "What's the capital of France?");
    expect(index.groupOf("a")).toBe(g);
    expect(index.add("b", "How do bees find flowers?")).not.toBe(g);
    expect(index.flagsOf("a")).toEqual([]);
    expect(index.size).toBe(2);
    expect(index.add("b", "How do bees find flowers?")).toBe(index.groupOf("b"));
  });

  it("removes exact duplicates one by one", () => {
    const index = new NearDuplicateIndex();
    const g = index.add("a", "What is DNA?");
    index.add("b", "What is DNA?");
    index.remove("a");
    expect(index.groupOf("b")).toBe(g);
    expect(index.flagsOf("b")).toEqual([]);
    index.remove("b");
    expect(index.size).toBe(0);
    expect(index.membersOf(g)).toEqual([]);
  });

  it("round-trips through JSON and keeps working identically", () => {
    const index = new NearDuplicateIndex();
    const questions = [...NEAR.flat(), ...DIFFERENT.flat(), span(1, 24), span(7, 30), "", "x"];
    questions.forEach((q, i) => index.add(`p${i}`, q));
    index.remove("p3");
    const restored = NearDuplicateIndex.fromJSON(JSON.parse(JSON.stringify(index)));
    expect(restored.toJSON()).toEqual(index.toJSON());
    const ids = questions.map((_, i) => `p${i}`);
    expect(partition(restored, ids)).toEqual(partition(index, ids));
    for (const target of [index, restored]) {
      target.add("new", span(1, 30));
      target.remove("p0");
    }
    expect(restored.toJSON()).toEqual(index.toJSON());
  });

  it("refuses a malformed state with the path of the problem", () => {
    const good = new NearDuplicateIndex().toJSON();
    expect(() => NearDuplicateIndex.fromJSON({ ...good, version: 2 })).toThrow(/version/);
    expect(() =>
      NearDuplicateIndex.fromJSON({ ...good, params: { ...good.params, bands: 3 } }),
    ).toThrow(/params.bands/);
    expect(() => NearDuplicateIndex.fromJSON({ ...good, keys: [["a", [], 0]] })).toThrow(
      /keys\[0\]/,
    );
    expect(() =>
      NearDuplicateIndex.fromJSON({
        ...good,
        nextGroup: 1,
        keys: [
          ["a", ["x"], 0],
          ["b", ["x"], 0],
        ],
      }),
    ).toThrow(/keys\[1\]\[1\]/);
  });

  it("estimates Jaccard similarity within the expected error", () => {
    // 20 shared words of 30: J = 0.667. Standard deviation at 128 hashes: about 0.04.
    const a = signatureOf(shingleHashes(questionKey(span(1, 25)), 1), 128);
    const b = signatureOf(shingleHashes(questionKey(span(6, 30)), 1), 128);
    expect(Math.abs(estimatedJaccard(a, b) - 20 / 30)).toBeLessThan(0.12);
  });
});

describe("NearDuplicateIndex properties", () => {
  const POOL = [
    ...NEAR.flat(),
    ...DIFFERENT.flat(),
    "Which organelle produces the energy in a cell?",
    "What's the main function of mitochondria?",
    span(1, 24),
    span(7, 30),
    span(1, 30),
    "",
    "Why?",
  ];
  const arbOps = fc.array(fc.nat({ max: POOL.length - 1 }), { minLength: 1, maxLength: 30 });

  it("groups do not depend on the order questions arrive in", () => {
    fc.assert(
      fc.property(arbOps, (picks) => {
        const ids = picks.map((_, i) => `p${i}`);
        const forward = new NearDuplicateIndex();
        picks.forEach((p, i) => forward.add(`p${i}`, POOL[p] ?? ""));
        const backward = new NearDuplicateIndex();
        [...picks.keys()]
          .reverse()
          .forEach((i) => backward.add(`p${i}`, POOL[picks[i] ?? 0] ?? ""));
        expect(partition(backward, ids)).toEqual(partition(forward, ids));
      }),
    );
  });

  it("after removals, groups equal those of an index built from what is left", () => {
    fc.assert(
      fc.property(
        arbOps,
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (picks, drop) => {
          const ids = picks.map((_, i) => `p${i}`);
          const index = new NearDuplicateIndex();
          picks.forEach((p, i) => index.add(`p${i}`, POOL[p] ?? ""));
          const fresh = new NearDuplicateIndex();
          picks.forEach((p, i) => {
            if (drop[i] === true) index.remove(`p${i}`);
            else fresh.add(`p${i}`, POOL[p] ?? "");
          });
          expect(partition(index, ids)).toEqual(partition(fresh, ids));
          const restored = NearDuplicateIndex.fromJSON(index.toJSON());
          expect(partition(restored, ids)).toEqual(partition(index, ids));
        },
      ),
    );
  });
});
