import { describe, expect, it } from "vitest";
import { groundingIn, groundingOf, indexSource, mergeSpans, type Span } from "./grounding";

const SOURCE =
  "The mitochondrion is the powerhouse of the cell. It produces ATP through cellular " +
  "respiration. Plant cells also contain chloroplasts, which capture light energy.\n\n" +
  "The cell membrane controls what enters and leaves the cell.";

const texts = (source: string, spans: readonly Span[]) =>
  spans.map((s) => source.slice(s.start, s.end));

describe("groundingOf", () => {
  it("scores a fully grounded answer 1 and highlights the passage", () => {
    const g = groundingOf("It produces ATP through cellular respiration.", SOURCE);
    expect(g.score).toBe(1);
    expect(g.contentWords).toBe(4);
    expect(texts(SOURCE, g.spans)).toEqual(["produces ATP through cellular respiration"]);
  });

  it("scores a partly grounded answer by the share of its content words in the text", () => {
    // produces, atp: in the text; sunlight, glucose: not.
    const g = groundingOf("It produces ATP from sunlight and glucose.", SOURCE);
    expect(g.score).toBe(0.5);
    expect(g.matchedWords).toBe(2);
    expect(texts(SOURCE, g.spans)).toEqual(["produces ATP"]);
  });

  it("scores an ungrounded answer 0 with no spans", () => {
    const g = groundingOf("Photosynthesis happens in roots at night.", SOURCE);
    expect(g.score).toBe(0);
    expect(g.spans).toEqual([]);
  });

  it("returns null, not a number, for an answer with no content words", () => {
    for (const answer of ["Yes.", "No", "It is not.", "", "  ?! "]) {
      const g = groundingOf(answer, SOURCE);
      expect(g.score, answer).toBeNull();
      expect(g.contentWords).toBe(0);
      expect(g.spans).toEqual([]);
    }
  });

  it("ignores stopwords, case, plurals and punctuation when matching a paraphrase", () => {
    const g = groundingOf("Chloroplasts are contained in the cells of plants!", SOURCE);
    // chloroplast, contained (not "contain"), cell, plant: 3 of 4.
    expect(g.score).toBe(0.75);
  });

  it("prefers runs of consecutive content words over isolated common words", () => {
    // "cell" occurs 4 times: alone it is not evidence; "cell membrane" is.
    const g = groundingOf("The cell membrane decides what goes into a cell.", SOURCE);
    expect(texts(SOURCE, g.spans)).toEqual(["cell membrane"]);
    // cell, membrane, decides, goes, cell: "decides" and "goes" are not in the text.
    expect(g.score).toBe(0.6);
  });

  it("highlights a rare isolated word", () => {
    const g = groundingOf("Light.", SOURCE);
    expect(texts(SOURCE, g.spans)).toEqual(["light"]);
  });

  it("does not bridge a sentence boundary within one highlight", () => {
    const source = "Water boils at sea level. Pressure changes everything.";
    const g = groundingOf("sea level pressure", source);
    expect(g.score).toBe(1);
    expect(texts(source, g.spans)).toEqual(["sea level", "Pressure"]);
  });

  it("points at the right characters after astral characters and accents", () => {
    const source = "😀😀 Le café ouvre à 8 h. Les croissants sont frais.";
    const g = groundingOf("Cafe ouvre", source);
    expect(texts(source, g.spans)).toEqual(["café ouvre"]);
  });

  it("matches numbers written differently", () => {
    const source = "The bridge is 1,200 metres long and took three years to build.";
    const g = groundingOf("It took 3 years; it is 1200 metres long.", source);
    expect(g.score).toBe(1);
  });

  it("scores many answers against one index like the one-shot helper", () => {
    const index = indexSource(SOURCE);
    for (const answer of ["cellular respiration", "light energy", "nothing"]) {
      expect(groundingIn(index, answer)).toEqual(groundingOf(answer, SOURCE));
    }
  });

  it("handles an empty source", () => {
    expect(groundingOf("ATP", "").score).toBe(0);
  });
});

describe("mergeSpans", () => {
  it("sorts and merges overlapping or touching spans", () => {
    expect(
      mergeSpans([
        { start: 10, end: 12 },
        { start: 0, end: 3 },
        { start: 2, end: 5 },
        { start: 5, end: 6 },
        { start: 11, end: 11 },
      ]),
    ).toEqual([
      { start: 0, end: 6 },
      { start: 10, end: 12 },
    ]);
  });
});
