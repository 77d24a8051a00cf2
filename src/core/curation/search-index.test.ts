import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSearch, SearchIndex, searchWords } from "./search-index";

function indexOf(texts: string[]): SearchIndex {
  const index = new SearchIndex();
  texts.forEach((t, slot) => index.add(slot, t));
  return index;
}

const found = (index: SearchIndex, query: string, n: number) => {
  const hit = index.search(query, n);
  return hit ? [...Array(n).keys()].filter((slot) => hit.hits[slot] === hit.need) : null;
};

describe("searchWords", () => {
  it("lower-cases, drops accents and punctuation", () => {
    expect(searchWords("Café, CRÈME-brûlée! x2")).toEqual(["cafe", "creme", "brulee", "x2"]);
    expect(searchWords("東京タワー")).toEqual(["東", "京", "タ", "ワ", "ー"]);
  });
  it("reads a trailing space as a finished last word", () => {
    expect(parseSearch("cell div")).toEqual({ words: ["cell", "div"], lastIsPrefix: true });
    expect(parseSearch("cell ")).toEqual({ words: ["cell"], lastIsPrefix: false });
    expect(parseSearch("  ")).toEqual({ words: [], lastIsPrefix: false });
  });
});

describe("SearchIndex", () => {
  const index = indexOf([
    "How do cells divide? By mitosis.",
    "What is cell division called?",
    "Who wrote the report?",
  ]);

  it("matches every word, the last one as a prefix", () => {
    expect(found(index, "cell divi", 3)).toEqual([1]);
    expect(found(index, "cell", 3)).toEqual([0, 1]);
    expect(found(index, "cell ", 3)).toEqual([1]);
    expect(found(index, "MITOSIS", 3)).toEqual([0]);
    expect(found(index, "report cell", 3)).toEqual([]);
    expect(found(index, "?!", 3)).toBeNull();
  });

  it("finds words added after a prefix search", () => {
    const i = indexOf(["alpha"]);
    expect(found(i, "al", 2)).toEqual([0]);
    i.add(1, "alps");
    expect(found(i, "alp", 2)).toEqual([0, 1]);
  });

  it("agrees with a plain scan", () => {
    const word = fc.constantFrom("cell", "cells", "celery", "dog", "do", "x", "Ünder", "under");
    const text = fc.array(word, { maxLength: 6 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 12 }),
        fc.array(word, { maxLength: 3 }),
        fc.boolean(),
        (texts, q, space) => {
          const query = q.join(" ") + (space ? " " : "");
          const i = indexOf(texts);
          const { words, lastIsPrefix } = parseSearch(query);
          const expected =
            words.length === 0
              ? null
              : texts
                  .map((t, slot) => ({ slot, ws: searchWords(t) }))
                  .filter(({ ws }) =>
                    words.every((w, k) =>
                      lastIsPrefix && k === words.length - 1
                        ? ws.some((x) => x.startsWith(w))
                        : ws.includes(w),
                    ),
                  )
                  .map(({ slot }) => slot);
          expect(found(i, query, texts.length)).toEqual(expected);
        },
      ),
    );
  });
});
