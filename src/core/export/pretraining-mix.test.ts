import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Collection, Entry } from "../collection";
import { cookCollections } from "../cook/cook";
import { DEFAULT_TEMPLATE_PACK as pack } from "../cook/default-pack";
import { keepsRaw } from "../cook/mix";
import {
  countMix,
  evenInterleave,
  generalTokenTarget,
  mixCounts,
  mixTexts,
  selectGeneralForRatio,
  type MixText,
} from "./pretraining-mix";

const entry = (text: string, n: number): Entry => ({
  text,
  pairs: Array.from({ length: n }, (_, i) => ({ question: `Q${i} ${text}?`, answer: `A${i}` })),
  inheritsFromPrevious: false,
  followedByNext: false,
});
const docs: Collection[] = Array.from({ length: 40 }, (_, j) => [entry(`Document ${j}.`, j % 3)]);
const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
const base = { seed: 12345, pack, rawRatio: 0 };

describe("evenInterleave", () => {
  it("takes every unit of every stream exactly once, in stream order", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 4 }), (sizes) => {
        const order = [...evenInterleave(sizes)];
        expect(order).toHaveLength(sizes.reduce((a, b) => a + b, 0));
        sizes.forEach((n, s) => expect(order.filter((x) => x === s)).toHaveLength(n));
      }),
    );
  });

  it("keeps every prefix within one unit of each stream's share", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { minLength: 1, maxLength: 3 }), (sizes) => {
        const total = sizes.reduce((a, b) => a + b, 0);
        const taken = sizes.map(() => 0);
        [...evenInterleave(sizes)].forEach((s, i) => {
          taken[s]!++;
          sizes.forEach((n, t) => {
            expect(Math.abs(taken[t]! - ((i + 1) * n) / total)).toBeLessThanOrEqual(1);
          });
        });
      }),
    );
  });

  it("alternates two equal streams and spreads a smaller one", () => {
    expect([...evenInterleave([3, 0, 3])]).toEqual([0, 2, 0, 2, 0, 2]);
    expect([...evenInterleave([4, 0, 2])]).toEqual([0, 2, 0, 0, 2, 0]);
    expect([...evenInterleave([])]).toEqual([]);
  });
});

describe("mixTexts", () => {
  it("with nothing to mix in, is exactly the cooked collections in order (as ipt cook)", () => {
    const texts = [...mixTexts(docs, base)].map((t) => t.text);
    expect(texts).toEqual(cookCollections(docs, pack, 12345));
  });

  it("tags texts by content: a document without pairs is raw even when cooked", () => {
    const parts = [...mixTexts(docs, base)].map((t) => t.part);
    expect(parts).toEqual(docs.map((c) => (c[0]!.pairs.length === 0 ? "raw" : "cooked")));
  });

  it("keeps exactly the collections keepsRaw picks as their raw text", () => {
    const rawRatio = 0.5;
    const out = [...mixTexts(docs, { ...base, rawRatio })];
    docs.forEach((c, j) => {
      const t = out[j]!;
      if (keepsRaw(12345, j, rawRatio)) expect(t).toEqual({ part: "raw", text: c[0]!.text });
      else expect(t.text).toBe(cookCollections([c], pack, 12345 + j)[0]);
    });
    const raw = docs.filter((_, j) => keepsRaw(12345, j, rawRatio)).length;
    expect(raw).toBeGreaterThan(10);
    expect(raw).toBeLessThan(30);
  });

  it("writes everything raw at ratio 1, and drops blank documents", () => {
    const withBlank = [...docs, [entry("  \n", 2)]];
    const out = [...mixTexts(withBlank, { ...base, rawRatio: 1 })];
    expect(out).toEqual(docs.map((c) => ({ part: "raw", text: c[0]!.text })));
  });

  it("spreads raw documents and general texts evenly, deterministically", () => {
    const general = ["g0 x", "g1 x", "g2 x", "  ", "g3 x"];
    const rawDocuments = ["r0", "r1"];
    const opts = { ...base, general, rawDocuments };
    const out = [...mixTexts(docs.slice(0, 8), opts)];
    expect(out).toEqual([...mixTexts(docs.slice(0, 8), opts)]);
    // Blank general texts are skipped; the rest keep their file order.
    expect(out.filter((t) => t.part === "general").map((t) => t.text)).toEqual([
      "g0 x",
      "g1 x",
      "g2 x",
      "g3 x",
    ]);
    const firstHalf = out.slice(0, out.length / 2);
    expect(firstHalf.filter((t) => t.part === "general")).toHaveLength(2);
    expect(firstHalf.filter((t) => t.text === "r0")).toHaveLength(1);
    expect(out.map((t) => t.text)).toContain("r1");
  });

  it("refuses a ratio outside 0..1 or a fractional seed", () => {
    expect(() => [...mixTexts(docs, { ...base, rawRatio: 1.5 })]).toThrow(RangeError);
    expect(() => [...mixTexts(docs, { ...base, rawRatio: Number.NaN })]).toThrow(RangeError);
    expect(() => [...mixTexts(docs, { ...base, seed: 0.5 })]).toThrow(RangeError);
  });
});

describe("mixCounts", () => {
  it("counts texts and tokens per part, summing to the total", () => {
    const general = ["one two three", "four five"];
    const counts = mixCounts(
      docs,
      { ...base, rawRatio: 0.3, general, rawDocuments: ["a b"] },
      words,
    );
    expect(counts.general).toEqual({ texts: 2, tokens: 5 });
    const parts = [counts.cooked, counts.raw, counts.general];
    expect(counts.total.texts).toBe(parts.reduce((n, p) => n + p.texts, 0));
    expect(counts.total.tokens).toBe(parts.reduce((n, p) => n + p.tokens, 0));
    expect(counts.cooked.texts).toBeGreaterThan(0);
    expect(counts.raw.texts).toBeGreaterThan(1);
  });

  it("counts exactly the texts that are written", () => {
    const opts = { ...base, rawRatio: 0.4, general: ["x y"] };
    const texts = [...mixTexts(docs, opts)];
    const byPart = (part: MixText["part"]): number =>
      texts.filter((t) => t.part === part).reduce((n, t) => n + words(t.text), 0);
    const counts = mixCounts(docs, opts, words);
    expect(counts.cooked.tokens).toBe(byPart("cooked"));
    expect(counts.raw.tokens).toBe(byPart("raw"));
    expect(countMix([], words).total).toEqual({ texts: 0, tokens: 0 });
  });
});

describe("selectGeneralForRatio", () => {
  const general = ["a b", "c d e", "f", "g h i j"];

  it("takes texts in file order until the target is reached, keeping the last one whole", () => {
    expect(selectGeneralForRatio(general, 4, words)).toEqual({
      texts: ["a b", "c d e"],
      tokens: 5,
      reached: true,
    });
    expect(selectGeneralForRatio(general, 6, words).texts).toEqual(["a b", "c d e", "f"]);
  });

  it("takes nothing for a zero target and everything, unreached, when the file is short", () => {
    expect(selectGeneralForRatio(general, 0, words)).toEqual({
      texts: [],
      tokens: 0,
      reached: true,
    });
    expect(selectGeneralForRatio(general, 100, words)).toEqual({
      texts: general,
      tokens: 10,
      reached: false,
    });
  });

  it("hits a 1:1 token mix with the domain texts", () => {
    const domain = mixCounts(docs, base, words);
    const target = generalTokenTarget(domain, 1);
    expect(target).toBe(domain.total.tokens);
    const pool = Array.from({ length: 500 }, (_, i) => `general instruction ${i} answer`);
    const picked = selectGeneralForRatio(pool, target, words);
    const mixed = mixCounts(docs, { ...base, general: picked.texts }, words);
    expect(mixed.general.tokens).toBeGreaterThanOrEqual(target);
    expect(mixed.general.tokens - target).toBeLessThan(4);
  });
});
