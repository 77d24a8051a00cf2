import { describe, expect, it } from "vitest";
import { parseChainOfThought, parseMultipleChoice, parseSubformats } from "./subformats";

const mcQuestion =
  "Which organelle makes energy?\nOptions:\n- nucleus\n- mitochondrion \n- ribosome";
const cotQuestion = "How many legs do two spiders have?\nLet's think step by step.";
const cotAnswer =
  "A spider has 8 legs. Two spiders have 2 x 8 = 16 legs.\nTherefore, the answer is 16";

describe("multiple choice", () => {
  it("splits stem and options, trimming options, and finds the answer", () => {
    expect(parseSubformats({ question: mcQuestion, answer: " mitochondrion\n" })).toEqual({
      kind: "multipleChoice",
      stem: "Which organelle makes energy?",
      options: ["nucleus", "mitochondrion", "ribosome"],
      answer: "mitochondrion",
      answerIndex: 1,
    });
  });
  it("reports a missing answer as index -1, not as broken", () => {
    const r = parseSubformats({ question: mcQuestion, answer: "chloroplast" });
    expect(r).toMatchObject({ kind: "multipleChoice", answerIndex: -1 });
  });
  it("trims options with Python semantics (U+0085 goes, U+FEFF stays)", () => {
    expect(parseMultipleChoice("Q\nOptions:\n- a\u0085\n- \ufeffb")).toEqual({
      stem: "Q",
      options: ["a", "\ufeffb"],
    });
  });
  it("is broken when the marker repeats or an option is empty", () => {
    expect(parseMultipleChoice(`${mcQuestion}${mcQuestion}`)).toMatchObject({
      kind: "broken",
      format: "multipleChoice",
    });
    expect(parseMultipleChoice("Q\nOptions:\n- a\n- \n- c")).toMatchObject({
      kind: "broken",
      reason: "option 2 is empty",
    });
  });
  it("needs the exact marker", () => {
    expect(parseMultipleChoice("Q\noptions:\n- a")).toBeNull();
    expect(parseMultipleChoice("Q\nOptions:\n-a")).toBeNull();
    expect(parseSubformats({ question: "What is 2+2?", answer: "4" })).toEqual({ kind: "plain" });
  });
});

describe("chain of thought", () => {
  it("splits rationale and final answer, dropping one trailing period", () => {
    expect(parseChainOfThought(cotQuestion, cotAnswer)).toEqual({
      question: "How many legs do two spiders have?",
      rationale: "A spider has 8 legs. Two spiders have 2 x 8 = 16 legs",
      answer: "16",
    });
    expect(parseChainOfThought(cotQuestion, "x..\nTherefore, the answer is  y ")).toMatchObject({
      rationale: "x.",
      answer: "y",
    });
  });
  it("is broken unless the final-answer marker appears exactly once with both halves", () => {
    for (const answer of [
      "no marker here",
      "a\nTherefore, the answer is b\nTherefore, the answer is c",
      "\nTherefore, the answer is b",
      "a\nTherefore, the answer is  ",
    ]) {
      expect(parseSubformats({ question: cotQuestion, answer })).toMatchObject({
        kind: "broken",
        format: "chainOfThought",
      });
    }
  });
  it("is only recognised from the question's ending", () => {
    expect(parseSubformats({ question: "Why?", answer: cotAnswer })).toEqual({ kind: "plain" });
    expect(parseChainOfThought(`${cotQuestion} `, cotAnswer)).toBeNull();
  });
});

describe("both together", () => {
  it("reads options before the trigger and matches the final answer", () => {
    const question = `${mcQuestion}\nLet's think step by step.`;
    const answer = "Cells burn sugar in mitochondria.\nTherefore, the answer is mitochondrion";
    expect(parseSubformats({ question, answer })).toEqual({
      kind: "multipleChoiceChainOfThought",
      stem: "Which organelle makes energy?",
      options: ["nucleus", "mitochondrion", "ribosome"],
      rationale: "Cells burn sugar in mitochondria",
      answer: "mitochondrion",
      answerIndex: 1,
    });
  });
  it("reports broken chain of thought before looking at options", () => {
    const question = `${mcQuestion}\nLet's think step by step.`;
    expect(parseSubformats({ question, answer: "mitochondrion" })).toMatchObject({
      kind: "broken",
      format: "chainOfThought",
    });
  });
});
