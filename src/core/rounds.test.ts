import { describe, expect, it } from "vitest";
import { completeRound, planRound, runRounds, type Collection, type Entry } from "./rounds";
import { demo, readBlock } from "./tags";
import type { Pair } from "./types";

const REF = { maxModelLen: 4096, maxNewTokens: 400, budget: "words" } as const;

/** Deep-freezes a value so that any mutation by the code under test throws. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

const pairs = (n: number, tag = "q"): Pair[] =>
  Array.from({ length: n }, (_, i) => ({ question: `${tag}${i}`, answer: `a${i}` }));
const entry = (text: string, n: number, flags: Partial<Entry> = {}): Entry => ({
  text,
  pairs: pairs(n),
  inheritsFromPrevious: false,
  followedByNext: false,
  ...flags,
});
const texts = (n: number) => Array.from({ length: n }, (_, i) => `text ${i}.`);
const textsOf = (collections: Collection[]) => collections.map((c) => c.map((e) => e.text));

describe("planRound and completeRound", () => {
  it("with one round, every prompt is the plain readBlock and nothing chains", async () => {
    const t = texts(4);
    const result = await runRounds(t, 1, REF, (prompts) => {
      expect(prompts).toEqual(t.map(readBlock));
      return Promise.resolve(prompts.map(() => pairs(2)));
    });
    expect(result).toEqual(t.map((text) => [entry(text, 2)]));
  });

  it("wraps extras with mod k when they outnumber the texts (N=7, M=3)", async () => {
    const t = texts(7);
    const result = await runRounds(t, 3, REF, (prompts) =>
      Promise.resolve(prompts.map(() => pairs(1))),
    );
    // Round 2 has one text, so extras 0 and 1 (collections 1 and 2) both land in front of C_0.
    expect(textsOf(result)).toEqual([[t[1], t[4], t[2], t[5], t[0], t[3], t[6]]]);
    const flags = (result[0] ?? []).map((e) => [e.inheritsFromPrevious, e.followedByNext]);
    expect(flags).toEqual([
      [false, true],
      [true, false], // last entry of extra 0: no longer continued
      [false, true],
      [true, false], // last entry of extra 1
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it("skips an empty round (N=4, M=3)", async () => {
    const rounds: number[] = [];
    const t = texts(4);
    const result = await runRounds(t, 3, REF, (prompts, round) => {
      rounds.push(round);
      return Promise.resolve(prompts.map(() => pairs(1)));
    });
    expect(rounds).toEqual([0, 1]);
    expect(textsOf(result)).toEqual([
      [t[0], t[2]],
      [t[1], t[3]],
    ]);
    const empty = planRound(frozen(result), [], REF);
    expect(empty.prompts).toEqual([]);
    expect(completeRound(empty, [])).toEqual(result);
  });

  it("puts no demonstration after an entry with no pairs, and that breaks the chain", () => {
    const previous = frozen([[entry("old one", 0)], [entry("old two", 2)]]);
    const planned = planRound(previous, ["new one", "new two"], REF);
    expect(planned.prompts).toEqual([
      readBlock("new one"),
      demo(previous[1]?.[0] ?? entry("", 0)) + readBlock("new two"),
    ]);
    expect(planned.collections.map((c) => c[0]?.followedByNext)).toEqual([false, true]);
    const done = completeRound(planned, [pairs(3), pairs(3)]);
    expect(done.map((c) => c[1]?.inheritsFromPrevious)).toEqual([false, true]);
  });

  it("does not inherit when the new text got no pairs, even after a demonstration", () => {
    const planned = planRound([[entry("old", 2)]], ["new"], REF);
    expect(planned.collections[0]?.[0]?.followedByNext).toBe(true);
    const done = completeRound(planned, [[]]);
    expect(done[0]?.[1]).toEqual(entry("new", 0));
    expect(done[0]?.[0]?.followedByNext).toBe(true);
  });

  it("falls back to readBlock when the demonstrations do not fit the budget", () => {
    const long = Array.from({ length: 2700 }, (_, i) => `w${i}`).join(" ");
    const previous = frozen([[entry(long, 1)], [entry("short", 1)]]);
    // 2,700 words * 1.5 > 4096 - 400, so the first text cannot carry its demonstration.
    const planned = planRound(previous, ["a", "b"], REF);
    expect(planned.prompts[0]).toBe(readBlock("a"));
    expect(planned.prompts[1]).toBe(demo(entry("short", 1)) + readBlock("b"));
    expect(planned.demonstrations).toEqual([0, 1]);
    const done = completeRound(planned, [pairs(1), pairs(1)]);
    expect(done[0]?.map((e) => [e.inheritsFromPrevious, e.followedByNext])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it("compares the word estimate with <= at the exact limit", () => {
    const previous = [[entry("x", 1)]];
    const candidate = demo(entry("x", 1)) + readBlock("y");
    const parts = candidate.split(" ").length;
    const at = { maxModelLen: parts * 1.5 + 400, maxNewTokens: 400, budget: "words" } as const;
    expect(planRound(previous, ["y"], at).prompts[0]).toBe(candidate);
    const below = { ...at, maxModelLen: at.maxModelLen - 0.5 };
    expect(planRound(previous, ["y"], below).prompts[0]).toBe(readBlock("y"));
  });

  it("measures real tokens with a counter in tokens mode", () => {
    const counted: string[] = [];
    // A fake tokenizer: one token per 4 characters, rounded up.
    const countTokens = (s: string) => {
      counted.push(s);
      return Math.ceil(s.length / 4);
    };
    const previous = [[entry("old", 1)], [entry("o".repeat(400), 1)]];
    const opts = { maxModelLen: 150, maxNewTokens: 50, budget: { countTokens } };
    const planned = planRound(previous, ["new", "other"], opts);
    const first = demo(entry("old", 1)) + readBlock("new");
    expect(planned.prompts).toEqual([first, readBlock("other")]);
    expect(counted[0]).toBe(first);
    expect(Math.ceil(first.length / 4)).toBeLessThanOrEqual(100);
  });

  it("chains every inherited entry in front of the new text", () => {
    const previous = frozen([
      [
        entry("a", 1, { followedByNext: true }),
        entry("b", 1, { inheritsFromPrevious: true, followedByNext: true }),
        entry("c", 1, { inheritsFromPrevious: true }),
      ],
    ]);
    const planned = planRound(previous, ["d"], REF);
    const [a, b, c] = previous[0] ?? [];
    expect(planned.prompts[0]).toBe(
      [a, b, c].map((e) => demo(e ?? entry("", 0))).join("") + readBlock("d"),
    );
    // Only the demonstration chain counts, not entries before a break.
    const broken = frozen([
      [entry("a", 1), entry("b", 1), entry("c", 1, { inheritsFromPrevious: true })],
    ]);
    const [, b2, c2] = broken[0] ?? [];
    expect(planRound(broken, ["d"], REF).prompts[0]).toBe(
      demo(b2 ?? entry("", 0)) + demo(c2 ?? entry("", 0)) + readBlock("d"),
    );
  });

  it("never mutates its inputs and returns fresh entries", () => {
    const previous = frozen([[entry("a", 1)], [entry("b", 1)], [entry("c", 1)]]);
    const planned = planRound(previous, ["d"], REF);
    expect(previous[0]?.[0]?.followedByNext).toBe(false);
    frozen(planned);
    const done = completeRound(planned, frozen([pairs(1)]));
    expect(done[0]?.[0]).not.toBe(planned.collections[0]?.[0]);
    expect(textsOf(done)).toEqual([["b", "c", "a", "d"]]);
  });

  it("carries the callers' source identifiers onto the entries", () => {
    const first = completeRound(planRound([], ["a", "a"], REF, [10, 11]), [pairs(1), pairs(1)]);
    expect(first.map((c) => c.map((e) => e.source))).toEqual([[10], [11]]);
    const second = completeRound(planRound(frozen(first), ["b"], REF, [12]), [pairs(1)]);
    expect(second.map((c) => c.map((e) => e.source))).toEqual([[11, 10, 12]]);
    expect("source" in (completeRound(planRound([], ["c"], REF), [[]])[0]?.[0] ?? {})).toBe(false);
    expect(() => planRound([], ["a"], REF, [1, 2])).toThrow(RangeError);
  });

  it("rejects a pair list that does not match the prompts", () => {
    const planned = planRound([], ["a", "b"], REF);
    expect(() => completeRound(planned, [pairs(1)])).toThrow(RangeError);
  });

  it("returns no collections for no texts", async () => {
    const result = await runRounds([], 3, REF, () => Promise.reject(new Error("not called")));
    expect(result).toEqual([]);
  });
});
