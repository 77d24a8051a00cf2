import { describe, expect, it } from "vitest";
import { demo, pairBlock, pairsBlock, readBlock } from "./tags";

describe("synthesizer input format", () => {
  it("wraps text with BOS and CON tags, keeping the space before <CON>", () => {
    expect(readBlock("The cell is the unit of life.")).toBe(
      "<s> <CON> The cell is the unit of life. </CON>\n\n",
    );
  });
  it("is just BOS for an empty text", () => {
    expect(readBlock("")).toBe("<s>");
  });
  it("renders pairs and demonstrations", () => {
    const pairs = [
      { question: "q1", answer: "a1" },
      { question: "q2", answer: "a2" },
    ];
    expect(pairBlock("q", "a")).toBe("<QUE> q <ANS> a </END>");
    expect(pairsBlock(pairs)).toBe("<QUE> q1 <ANS> a1 </END>\n\n<QUE> q2 <ANS> a2 </END>");
    expect(demo({ text: "t", pairs })).toBe(
      "<s> <CON> t </CON>\n\n<QUE> q1 <ANS> a1 </END>\n\n<QUE> q2 <ANS> a2 </END></s>",
    );
  });
});
