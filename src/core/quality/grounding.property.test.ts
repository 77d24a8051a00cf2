import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  flattenSpans,
  groundingIn,
  groundingOf,
  indexSource,
  unflattenSpans,
  type Grounding,
} from "./grounding";
import { tokenize } from "./normalize";

const WORDS = [
  "The",
  "cell",
  "cells",
  "divides",
  "ATP",
  "1,000",
  "three",
  "3",
  "café",
  "e.g.",
  "don't",
  "細胞",
  "😀",
  "yes",
  "of",
  "state-of-the-art",
];
const GAPS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "; ", " — ", "\u00a0", "?"];

/** Texts of words that share a vocabulary, so answers and sources actually overlap. */
const arbText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 60 })
  .map((parts) => parts.map(([w, g]) => w + g).join(""));

/** Anything at all, including lone surrogates and control characters. */
const arbAny = fc.oneof(arbText, fc.string({ unit: "binary", maxLength: 200 }));

function checkShape(g: Grounding, source: string): void {
  if (g.score === null) {
    expect(g.contentWords).toBe(0);
  } else {
    expect(g.score).toBeGreaterThanOrEqual(0);
    expect(g.score).toBeLessThanOrEqual(1);
    expect(g.score).toBeCloseTo(g.matchedWords / g.contentWords, 12);
  }
  let previousEnd = -1;
  for (const s of g.spans) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(source.length);
    expect(s.start).toBeLessThan(s.end);
    expect(s.start).toBeGreaterThan(previousEnd); // sorted, and merged when touching
    previousEnd = s.end;
  }
}

describe("grounding properties", () => {
  it("never throws; score in [0, 1] or null; spans in bounds, sorted, non-overlapping", () => {
    fc.assert(
      fc.property(arbAny, arbAny, (answer, source) => {
        checkShape(groundingOf(answer, source), source);
      }),
      { numRuns: 400 },
    );
  });

  it("an answer made of the source's own words is fully grounded", () => {
    fc.assert(
      fc.property(arbText, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (source, picks) => {
        const words = tokenize(source);
        fc.pre(words.length > 0);
        const answer = picks
          .map((p) => words[p % words.length])
          .map((t) => (t === undefined ? "" : source.slice(t.start, t.end)))
          .join(" ");
        const g = groundingOf(answer, source);
        expect(g.score === null || g.score === 1).toBe(true);
      }),
    );
  });

  it("the source itself is fully grounded, and every span starts and ends on a word", () => {
    fc.assert(
      fc.property(arbText, (source) => {
        const g = groundingOf(source, source);
        expect(g.score === null || g.score === 1).toBe(true);
        const starts = new Set(tokenize(source).map((t) => t.start));
        const ends = new Set(tokenize(source).map((t) => t.end));
        for (const s of g.spans) {
          expect(starts.has(s.start)).toBe(true);
          expect(ends.has(s.end)).toBe(true);
        }
      }),
    );
  });

  it("is deterministic and does not depend on reusing the index", () => {
    fc.assert(
      fc.property(arbText, fc.array(arbText, { maxLength: 5 }), (source, answers) => {
        const index = indexSource(source);
        for (const a of answers) expect(groundingIn(index, a)).toEqual(groundingOf(a, source));
      }),
    );
  });
});

describe("stored spans", () => {
  it("flattened for storage and read back, any answer's spans are the same", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS)),
        fc.array(fc.constantFrom(...WORDS)),
        (text, answer) => {
          const { spans } = groundingOf(answer.join(" "), text.join(" "));
          expect(unflattenSpans(flattenSpans(spans))).toEqual(spans);
        },
      ),
    );
  });
});
