import { describe, expect, it } from "vitest";
import { wordEstimate } from "./budget";
import { chunkBudget, chunkText, type ChunkOptions, type TokenCounter } from "./chunk";
import { PARAGRAPH, SENTENCE, WORD, isSpace, scanUnits } from "./chunk-scan";
import { pyStrip } from "./strip";
import { readBlock } from "./tags";

/** Words mode with a prompt limit of `limit` (word-estimate units). */
const words = (limit: number): ChunkOptions => ({
  maxModelLen: limit,
  maxNewTokens: 0,
  budget: "words",
});
/** A fake tokenizer: one token per 4 characters, rounded up. */
const quarter: TokenCounter = { countTokens: (s) => Math.ceil(s.length / 4) };
const tokens = (limit: number, counter: TokenCounter = quarter): ChunkOptions => ({
  maxModelLen: limit,
  maxNewTokens: 0,
  budget: counter,
});
const texts = (text: string, opts: ChunkOptions) => chunkText(text, opts).map((c) => c.text);
/** n distinct words: "w0 w1 …". */
const run = (n: number, tag = "w") => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" ");

describe("chunkText basics", () => {
  it("gives no chunks for empty or whitespace-only text", () => {
    expect(chunkText("", words(100))).toEqual([]);
    expect(chunkText(" \n\t\u3000\u0085 ", words(100))).toEqual([]);
  });

  it("gives one chunk equal to the Python-trimmed text when it fits", () => {
    // U+0085 and U+001C are whitespace to Python's strip() but not to JavaScript's trim().
    const text = "\u0085\u001c  The cell is the unit of life.\n\nIt divides. \n ";
    const chunks = chunkText(text, words(4096));
    expect(chunks).toEqual([
      {
        index: 0,
        text: pyStrip(text),
        start: 4,
        end: text.length - 3,
        tokens: wordEstimate(readBlock(pyStrip(text))),
      },
    ]);
  });

  it("keeps U+FEFF as text, like Python's strip()", () => {
    expect(texts("\ufeff hello", words(100))).toEqual(["\ufeff hello"]);
  });

  it("reports the chunk budget, with the wrapping overhead", () => {
    expect(chunkBudget({ maxModelLen: 4096, maxNewTokens: 400, budget: "words" })).toEqual({
      promptLimit: 3696,
      overhead: 4.5,
      textBudget: 3691.5,
    });
    const b = chunkBudget({ ...tokens(4096), maxNewTokens: 400, reserveTokens: 1000 });
    expect(b.promptLimit).toBe(2696);
    const probe = "the cell is the unit of life";
    expect(b.overhead).toBe(Math.ceil(readBlock(probe).length / 4) - Math.ceil(probe.length / 4));
    expect(b.textBudget).toBe(b.promptLimit - b.overhead);
  });

  it("rejects invalid limits", () => {
    expect(() => chunkText("a", { ...words(10), maxNewTokens: -1 })).toThrow(RangeError);
    expect(() => chunkText("a", { ...words(10), reserveTokens: NaN })).toThrow(RangeError);
    expect(() => chunkBudget(words(Infinity))).toThrow(RangeError);
  });
});

describe("where chunkText cuts", () => {
  it("cuts at paragraph ends before sentence ends", () => {
    const p1 = `${run(6, "a")}. ${run(6, "b")}.`;
    const p2 = `${run(6, "c")}. ${run(6, "d")}.`;
    // Each paragraph (11 spaces) fits: 6 + 1.5 * 11 = 22.5; both together (23 spaces) do not.
    expect(texts(`${p1}\n\n${p2}`, words(30))).toEqual([p1, p2]);
    expect(texts(`${p1}\r\n \r\n${p2}`, words(30))).toEqual([p1, p2]);
  });

  it("keeps a short heading with the start of the paragraph that follows it", () => {
    const body = `${run(8, "A")}. ${run(8, "B")}. ${run(8, "C")}.`;
    const chunks = texts(`Heading\n\n${body}`, words(40));
    expect(chunks).toEqual([`Heading\n\n${run(8, "A")}. ${run(8, "B")}.`, `${run(8, "C")}.`]);
  });

  it("splits an over-long paragraph at sentence ends, also after closing quotes", () => {
    const s1 = `First ${run(5)} e.g. the ${run(3)}.`;
    const s2 = `Second "${run(5)}?"`;
    const s3 = `Third ${run(8)}.`;
    // s2 + s3 would fit as one chunk (13 spaces) if '?"' were not a sentence end.
    expect(texts(`${s1} ${s2} ${s3}`, words(6 + 1.5 * 13))).toEqual([s1, s2, s3]);
  });

  it("splits an over-long sentence at whitespace, preferring line ends", () => {
    const lines = [run(4, "a"), run(4, "b"), run(4, "c")];
    const chunks = texts(lines.join("\n"), words(6 + 1.5 * 8));
    expect(chunks).toEqual([`${lines[0]}\n${lines[1]}`, lines[2]]);
    const plain = texts(run(20), words(6 + 1.5 * 9));
    expect(plain).toEqual([run(10), run(20).slice(run(10).length + 1)]);
  });

  it("never splits a word in words mode; a word is only oversized when the limit is below 6", () => {
    const long = "x".repeat(10_000);
    expect(chunkText(`a ${long} b`, words(7))).toEqual([
      expect.objectContaining({ text: "a", tokens: 6 }),
      expect.objectContaining({ text: long, tokens: 6 }),
      expect.objectContaining({ text: "b", tokens: 6 }),
    ]);
    const tiny = chunkText("ab cd", words(5));
    expect(tiny.map((c) => [c.text, c.tokens, c.oversized])).toEqual([
      ["ab", 6, true],
      ["cd", 6, true],
    ]);
  });
});

describe("tokens mode", () => {
  it("packs by real token counts and reports the exact count of each prompt", () => {
    const [p1, p2] = [`${run(30, "a")}.`, `${run(30, "b")}.`];
    const chunks = chunkText(`${p1}\n\n${p2}`, tokens(60));
    expect(chunks.map((c) => c.text)).toEqual([p1, p2]);
    for (const c of chunks) {
      expect(c.tokens).toBe(quarter.countTokens(readBlock(c.text)));
      expect(c.tokens).toBeLessThanOrEqual(60);
    }
  });

  it("re-checks chunks with the exact count when tokens are not additive", () => {
    // Long strings cost extra, so adding up sentence counts underestimates whole chunks.
    const lumpy: TokenCounter = {
      countTokens: (s) => Math.ceil(s.length / 4) + Math.floor(s.length / 50) ** 2,
    };
    const text = Array.from({ length: 40 }, (_, i) => `Sentence ${i} has words.`).join(" ");
    const chunks = chunkText(text, tokens(80, lumpy));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.tokens).toBe(lumpy.countTokens(readBlock(c.text)));
      expect(c.tokens).toBeLessThanOrEqual(80);
      expect(c.oversized).toBeUndefined();
    }
  });

  it("cuts a word longer than the budget hard, flags every piece, and keeps code points whole", () => {
    const word = "😀".repeat(200);
    const chunks = chunkText(`ok ${word} end`, tokens(40));
    const pieces = chunks.filter((c) => c.oversized);
    expect(pieces.map((c) => c.text).join("")).toBe(word);
    for (const c of pieces) {
      expect(c.tokens).toBeLessThanOrEqual(40);
      expect(c.text.length % 2).toBe(0);
      expect(c.text.startsWith("\ude00")).toBe(false);
    }
    expect(chunks.filter((c) => !c.oversized).map((c) => c.text)).toEqual(["ok", "end"]);
  });

  it("prefers to cut text without spaces after punctuation", () => {
    const cjk = "細胞は生命の単位であり、".repeat(30);
    const chunks = chunkText(cjk, tokens(40));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith("、")).toBe(true);
    expect(chunks.map((c) => c.text).join("")).toBe(cjk);
  });

  it("flags the rest of a word as is when not even one character fits", () => {
    const chunks = chunkText("abc def", tokens(3));
    expect(chunks.map((c) => [c.text, c.oversized])).toEqual([
      ["abc", true],
      ["def", true],
    ]);
    expect(chunks.every((c) => c.tokens > 3)).toBe(true);
  });

  it("keeps room for demonstrations with reserveTokens", () => {
    const text = run(200);
    const withReserve = chunkText(text, { ...tokens(300), reserveTokens: 200 });
    expect(withReserve.every((c) => c.tokens <= 100)).toBe(true);
    expect(withReserve.length).toBeGreaterThan(chunkText(text, tokens(300)).length);
  });
});

describe("scanUnits", () => {
  it("finds sentences and paragraphs with their boundary strengths", () => {
    const text = "One. Two e.g. three.\n\nFour (five.) Six";
    const units = scanUnits(text, 0, text.length, SENTENCE);
    expect(units.map((u) => [text.slice(u.start, u.end), u.strength])).toEqual([
      ["One.", PARAGRAPH],
      ["Two e.g. three.", SENTENCE],
      ["Four (five.)", PARAGRAPH],
      ["Six", SENTENCE],
    ]);
    expect(scanUnits(text, 0, 8, WORD).map((u) => text.slice(u.start, u.end))).toEqual([
      "One.",
      "Two",
    ]);
  });

  it("ends CJK sentences without spaces after them", () => {
    const text = "細胞は単位である。「分裂する！」次の文？ Next.";
    expect(
      scanUnits(text, 0, text.length, SENTENCE).map((u) => text.slice(u.start, u.end)),
    ).toEqual(["細胞は単位である。", "「分裂する！」", "次の文？", "Next."]);
    const chunks = chunkText("細胞は単位である。".repeat(40), tokens(40));
    expect(chunks.every((c) => !c.oversized && c.text.endsWith("。"))).toBe(true);
  });

  it("uses Python's whitespace set", () => {
    const py =
      "\t\n\v\f\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000";
    for (const ch of py) expect(isSpace(ch.charCodeAt(0))).toBe(true);
    for (const ch of "a\ufeff\u200b\u0000_") expect(isSpace(ch.charCodeAt(0))).toBe(false);
  });
});
