import { describe, expect, it } from "vitest";
import { convertPair } from "../cook/convert";
import { DEFAULT_TEMPLATE_PACK } from "../cook/default-pack";
import { sampleGroupStyle } from "../cook/style";
import { createRng } from "../random";
import type { Pair } from "../types";
import {
  formatFlags,
  lengthFlags,
  MAX_ANSWER_WORDS,
  MAX_QUESTION_WORDS,
  MIN_QUESTION_WORDS,
} from "./format-flags";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
const cot = "\nLet's think step by step.";
const options = "\nOptions:\n- red\n- blue\n- green";

describe("length flags", () => {
  it("flags an empty question (the parser keeps them) and an empty answer", () => {
    expect(formatFlags({ question: "", answer: "Paris" })).toEqual(["emptyQuestion"]);
    expect(formatFlags({ question: " \u0085", answer: " " })).toEqual([
      "emptyQuestion",
      "emptyAnswer",
    ]);
  });

  it("flags questions shorter than the minimum, not at it", () => {
    expect(formatFlags({ question: "Why?", answer: "Because of rain." })).toEqual([
      "shortQuestion",
    ]);
    expect(formatFlags({ question: words(MIN_QUESTION_WORDS), answer: "x" })).toEqual([]);
  });

  it("leaves one-word answers alone and flags answers with no word at all", () => {
    expect(formatFlags({ question: "Who wrote it?", answer: "Orwell" })).toEqual([]);
    expect(formatFlags({ question: "Who wrote it?", answer: "—" })).toEqual(["shortAnswer"]);
  });

  it("flags very long questions and answers, past the thresholds only", () => {
    expect(
      lengthFlags({ question: words(MAX_QUESTION_WORDS), answer: words(MAX_ANSWER_WORDS) }),
    ).toEqual([]);
    expect(
      lengthFlags({ question: words(MAX_QUESTION_WORDS + 1), answer: words(MAX_ANSWER_WORDS + 1) }),
    ).toEqual(["longQuestion", "longAnswer"]);
  });

  it("measures the question without its options and step-by-step trigger", () => {
    expect(formatFlags({ question: `Which colour?${options}`, answer: "red" })).toEqual([
      "shortQuestion",
    ]);
    const longOptions = `Which one is right?\nOptions:\n- ${words(100)}\n- ${words(100)}`;
    expect(formatFlags({ question: longOptions, answer: "x" })).toEqual(["answerNotAnOption"]);
  });
});

describe("sub-format flags, by cooking's rules", () => {
  const ok: Pair[] = [
    { question: `Which colour is the sky?${options}`, answer: "blue" },
    { question: `Which colour is the sky?${options}`, answer: "None of the above" },
    {
      question: `How many legs do two cats have?${cot}`,
      answer: "A cat has 4 legs.\nTherefore, the answer is 8",
    },
    {
      question: `Which colour is the sky?${options}${cot}`,
      answer: "The sky scatters blue light.\nTherefore, the answer is blue",
    },
    { question: "What is 2+2?", answer: "4" },
  ];
  const bad: [Pair, string][] = [
    [{ question: `Which colour?${options}${options}`, answer: "red" }, "brokenMultipleChoice"],
    [
      { question: "Which colour?\nOptions:\n- red\n- \n- blue", answer: "red" },
      "brokenMultipleChoice",
    ],
    [{ question: `How many legs?${cot}`, answer: "Eight." }, "brokenChainOfThought"],
    [
      { question: `How many legs?${cot}`, answer: "Count.\nTherefore, the answer is " },
      "brokenChainOfThought",
    ],
    [{ question: `Which colour is the sky?${options}`, answer: "purple" }, "answerNotAnOption"],
    [
      {
        question: `Which colour is the sky?${options}${cot}`,
        answer: "It is not listed.\nTherefore, the answer is purple",
      },
      "answerNotAnOption",
    ],
  ];

  it.each(ok)("raises nothing for a well-formed pair %#", (pair) => {
    expect(formatFlags(pair)).toEqual([]);
  });

  it.each(bad)("flags %j as %s", (pair, flag) => {
    expect(formatFlags(pair)).toContain(flag);
  });

  it("agrees with cooking: flagged pairs are the ones convertPair drops", () => {
    const style = sampleGroupStyle(DEFAULT_TEMPLATE_PACK, createRng(7));
    const dropped = (p: Pair) =>
      convertPair(p, style, DEFAULT_TEMPLATE_PACK.noneOfTheAbove.recognize, createRng(1)) === null;
    const subformatFlags = ["brokenMultipleChoice", "brokenChainOfThought", "answerNotAnOption"];
    for (const pair of [...ok, ...bad.map(([p]) => p)]) {
      const flagged = formatFlags(pair).some((f) => subformatFlags.includes(f));
      expect(flagged, JSON.stringify(pair)).toBe(dropped(pair));
    }
  });

  it("uses the given pack's none-of-the-above phrases", () => {
    const pair = { question: `Which colour is the sky?${options}`, answer: "nada" };
    expect(formatFlags(pair)).toEqual(["answerNotAnOption"]);
    expect(formatFlags(pair, ["Nada"])).toEqual([]);
  });
});
