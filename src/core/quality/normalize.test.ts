import { describe, expect, it } from "vitest";
import { contentForm, contentTokens, countWords, normalizeWord, tokenize } from "./normalize";

const norms = (s: string) => tokenize(s).map((t) => t.norm);

describe("tokenize", () => {
  it("lower-cases, strips punctuation and keeps UTF-16 offsets", () => {
    const text = "The Cell, (e.g. DNA) divides!";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(["the", "cell", "e", "g", "dna", "divides"]);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.norm);
  });

  it("keeps contractions and numbers whole, and splits hyphenated words", () => {
    expect(norms("Don't pay $1,000.50 for state-of-the-art 3.5-inch disks")).toEqual([
      "don't",
      "pay",
      "1000.5",
      "for",
      "state",
      "of",
      "the",
      "art",
      "3.5",
      "inch",
      "disks",
    ]);
  });

  it("does not glue sentence punctuation to numbers", () => {
    expect(norms("It cost 12. Then 7, then 8.")).toEqual([
      "it",
      "cost",
      "12",
      "then",
      "7",
      "then",
      "8",
    ]);
  });

  it("reads accents, ligatures and curly apostrophes alike", () => {
    expect(norms("Café ﬁnal cell’s")).toEqual(["cafe", "final", "cell"]);
  });

  it("cuts unspaced scripts into characters and keeps offsets for astral characters", () => {
    const text = "😀細胞DNA複製";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.norm)).toEqual(["細", "胞", "dna", "複", "製"]);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.norm);
  });

  it("survives lone surrogates and control characters", () => {
    expect(norms("a\ud800b\u0000c")).toEqual(["a", "b", "c"]);
  });
});

describe("normalizeWord", () => {
  it("normalizes numbers lightly", () => {
    expect(normalizeWord("1,000")).toBe("1000");
    expect(normalizeWord("007")).toBe("7");
    expect(normalizeWord("2.50")).toBe("2.5");
    expect(normalizeWord("3.0")).toBe("3");
    expect(normalizeWord("1,5")).toBe("1,5");
    expect(normalizeWord("Three")).toBe("3");
    expect(normalizeWord("twenty")).toBe("20");
  });
});

describe("content words", () => {
  it("drops stopwords and folds plurals", () => {
    expect(contentTokens("Yes, the cells are dividing into two boxes.").map((t) => t.term)).toEqual(
      ["cell", "dividing", "2", "box"],
    );
    expect(contentForm("studies")).toBe("study");
    expect(contentForm("classes")).toBe("class");
    expect(contentForm("analysis")).toBe("analysis");
    expect(contentForm("status")).toBe("status");
  });

  it("counts words, stopwords included", () => {
    expect(countWords("What is it?")).toBe(3);
    expect(countWords(" ... ")).toBe(0);
  });
});
