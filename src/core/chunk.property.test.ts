import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measure, type LengthBudget } from "./budget";
import { chunkText, type Chunk, type TokenCounter } from "./chunk";
import { isSpace } from "./chunk-scan";
import { pyStrip } from "./strip";
import { readBlock } from "./tags";

const WORDS = ["the", "Cell", "e.g.", "divides.", "Why?", "yes!", "(see", "it.)", '"Quoted."'];
const ODD = [
  "😀😀",
  "細胞は生命の単位である。",
  "細胞。生命！単位？「引用。」終わり",
  "x".repeat(150),
  "a/b/c/d/e/f/g/h/i/j/k/l/m",
];
const GAPS = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n\r\n", "\t", "\u3000", "\u0085", " \n \n"];

/** Texts of words, odd long words and varied whitespace, sometimes padded with whitespace. */
const arbText = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...ODD)),
      fc.constantFrom(...GAPS),
    ),
    { maxLength: 120 },
  )
  .chain((parts) =>
    fc
      .tuple(fc.constantFrom("", " ", "\n\n "), fc.constantFrom("", "\n", " \u2029"))
      .map(([lead, tail]) => lead + parts.map(([w, g]) => w + g).join("") + tail),
  );

const counters: Record<string, TokenCounter> = {
  quarter: { countTokens: (s) => Math.ceil(s.length / 4) },
  // Superadditive: long strings cost extra, so summed sentence counts underestimate.
  lumpy: { countTokens: (s) => Math.ceil(s.length / 3) + Math.floor(s.length / 60) ** 2 },
  // Subadditive: a flat cost per call, like a tokenizer that adds BOS and EOS.
  flat: { countTokens: (s) => 2 + Math.ceil(s.length / 5) },
};
const arbBudget: fc.Arbitrary<LengthBudget> = fc.constantFrom<LengthBudget>(
  "words",
  ...Object.values(counters),
);

const CJK_END = /[。！？][」』）〕】"')\]}»”’›]*$/u;

/** Checks every promise of chunkText for one text and budget. */
function checkChunks(text: string, chunks: Chunk[], budget: LengthBudget, limit: number): void {
  let prevEnd = 0;
  chunks.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(c.start).toBeGreaterThanOrEqual(prevEnd);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.text).toBe(text.slice(c.start, c.end));
    // Nothing but whitespace is left out between chunks.
    expect(pyStrip(text.slice(prevEnd, c.start))).toBe("");
    prevEnd = c.end;
    expect(c.tokens).toBe(measure(readBlock(c.text), budget));
    if (c.oversized) {
      // A hard-cut piece of one word: no whitespace inside.
      expect([...c.text].some((ch) => isSpace(ch.charCodeAt(0)))).toBe(false);
    } else {
      expect(c.tokens).toBeLessThanOrEqual(limit);
      // Starts and ends at word boundaries, with no whitespace at its ends.
      expect(pyStrip(c.text)).toBe(c.text);
      // A CJK sentence end is a boundary even without whitespace after it.
      const before = text.slice(0, c.start);
      expect(c.start === 0 || isSpace(text.charCodeAt(c.start - 1)) || CJK_END.test(before)).toBe(
        true,
      );
      expect(c.end === text.length || isSpace(text.charCodeAt(c.end)) || CJK_END.test(c.text)).toBe(
        true,
      );
    }
  });
  expect(pyStrip(text.slice(prevEnd))).toBe("");
}

describe("chunkText properties", () => {
  it("covers the text in order without loss, within budget, never mid-word", () => {
    fc.assert(
      fc.property(arbText, arbBudget, fc.integer({ min: 1, max: 160 }), (text, budget, limit) => {
        const chunks = chunkText(text, { maxModelLen: limit + 50, maxNewTokens: 50, budget });
        checkChunks(text, chunks, budget, limit);
      }),
      { numRuns: 600 },
    );
  });

  it("gives exactly one chunk, the trimmed text, whenever the whole prompt fits", () => {
    fc.assert(
      fc.property(arbText, arbBudget, (text, budget) => {
        const trimmed = pyStrip(text);
        const limit = trimmed === "" ? 10 : measure(readBlock(trimmed), budget);
        const chunks = chunkText(text, { maxModelLen: limit, maxNewTokens: 0, budget });
        expect(chunks.map((c) => c.text)).toEqual(trimmed === "" ? [] : [trimmed]);
      }),
      { numRuns: 300 },
    );
  });
});

/** A deterministic 5 MB document of sentences and paragraphs. */
function bigText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  while (size < bytes) {
    const n = 5 + (next() % 25);
    const words = Array.from({ length: n }, () => WORDS[next() % 3] ?? "w");
    const sentence = `Start ${words.join(" ")}.${next() % 6 === 0 ? "\n\n" : " "}`;
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join("");
}

describe("chunkText performance", () => {
  const text = bigText(5 * 1024 * 1024);

  it("chunks 5 MB in words mode in about linear time", () => {
    const t0 = performance.now();
    const chunks = chunkText(text, { maxModelLen: 4096, maxNewTokens: 400, budget: "words" });
    const elapsed = performance.now() - t0;
    expect(chunks.length).toBeGreaterThan(100);
    checkChunks(text, chunks, "words", 3696);
    expect(elapsed).toBeLessThan(5000);
  });

  it("sends each character to the token counter only a few times in tokens mode", () => {
    let counted = 0;
    const counter: TokenCounter = {
      countTokens: (s) => {
        counted += s.length;
        return Math.ceil(s.length / 4);
      },
    };
    const chunks = chunkText(text, { maxModelLen: 4096, maxNewTokens: 400, budget: counter });
    expect(chunks.length).toBeGreaterThan(100);
    // Each sentence once, each chunk once more: about 2x; quadratic re-counting would be ~1000x.
    expect(counted).toBeLessThan(3 * text.length);
  });

  it("stays linear on 5 MB of CJK text, which has no spaces at all", () => {
    const cjk = "細胞は生命の単位であり、分裂して増える。".repeat(250_000);
    let counted = 0;
    const counter: TokenCounter = {
      countTokens: (s) => {
        counted += s.length;
        return Math.ceil(s.length / 2);
      },
    };
    const chunks = chunkText(cjk, { maxModelLen: 4096, maxNewTokens: 400, budget: counter });
    expect(chunks.every((c) => !c.oversized && c.text.endsWith("。"))).toBe(true);
    expect(counted).toBeLessThan(3 * cjk.length);
  });
});
