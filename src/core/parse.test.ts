import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSynthesizerOutput } from "./parse";
import { pyStrip } from "./strip";
import { pairsBlock } from "./tags";
import type { Pair } from "./types";

interface ParseCase {
  raw: string;
  pairs: Pair[];
  pairsWithoutDedupe: Pair[];
}

const cases = readFileSync(new URL("./testdata/parse-cases.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as ParseCase);

describe("parseSynthesizerOutput against the reference fixtures", () => {
  it("has the fixture cases", () => {
    expect(cases.length).toBe(120);
  });
  it.each(cases.map((c, i) => [i, c] as const))("case %i", (_i, c) => {
    expect(parseSynthesizerOutput(c.raw)).toEqual(c.pairs);
    expect(parseSynthesizerOutput(c.raw, { dedupe: false })).toEqual(c.pairsWithoutDedupe);
  });
});

describe("parseSynthesizerOutput rules", () => {
  it("drops an unfinished last piece", () => {
    expect(parseSynthesizerOutput("<QUE> a <ANS> b </END>\n\n<QUE> c <ANS> d")).toEqual([
      { question: "a", answer: "b" },
    ]);
  });
  it("keeps an empty question but skips an empty answer", () => {
    expect(parseSynthesizerOutput("<QUE> <ANS> x </END><QUE> q <ANS>  </END>")).toEqual([
      { question: "", answer: "x" },
    ]);
  });
  it("trims like Python: U+0085 goes, U+FEFF stays", () => {
    expect(parseSynthesizerOutput("<QUE> q\u0085 <ANS> \ufeffa </END>")).toEqual([
      { question: "q", answer: "\ufeffa" },
    ]);
  });
  it("treats tags case-sensitively and dedupes case-insensitively", () => {
    expect(parseSynthesizerOutput("<que> q <ANS> a </END>")).toEqual([]);
    expect(parseSynthesizerOutput("<QUE> Q <ANS> a </END><QUE> q <ANS> b </END>")).toEqual([
      { question: "Q", answer: "a" },
    ]);
  });
});

// Text that cannot contain a tag once trimmed: no "<", and no edge whitespace.
const plainText = fc
  .string({ minLength: 1, maxLength: 40 })
  .map((s) => s.replace(/[<]/g, "").trim())
  .filter((s) => s !== "" && s === pyStrip(s));

describe("parse properties", () => {
  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseSynthesizerOutput(s);
        parseSynthesizerOutput(s, { dedupe: false });
      }),
    );
  });
  it("gives rendered pairs back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ question: plainText, answer: plainText }), { maxLength: 8 }),
        (pairs) => {
          const raw = pairsBlock(pairs);
          expect(parseSynthesizerOutput(raw, { dedupe: false })).toEqual(pairs);
        },
      ),
    );
  });
});
