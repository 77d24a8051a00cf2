import { describe, expect, it } from "vitest";
import {
  isUnanswerable,
  isUnanswerableReply,
  UNANSWERABLE_PATTERNS,
  unanswerableReply,
} from "./unanswerable";

/** Replies and the family each must be recognised as. */
const REFUSALS: [string, string][] = [
  ["Unanswerable.", "unanswerable"],
  ["This question is unanswerable from the passage.", "unanswerable"],
  ["It cannot be answered based on the text.", "unanswerable"],
  ["Not answerable", "unanswerable"],
  ["Not enough information.", "not enough information"],
  ["There is not enough information to answer this.", "not enough information"],
  ["Insufficient information", "not enough information"],
  ["Unfortunately, there is not enough context to say.", "not enough information"],
  ["It cannot be determined.", "cannot be determined"],
  ["Cannot be determined from the passage", "cannot be determined"],
  ["The answer can't be known.", "cannot be determined"],
  ["It is impossible to tell.", "impossible to tell"],
  ["It's not possible to say", "impossible to tell"],
  ["I cannot tell from the text.", "impossible to tell"],
  ["There is no way to know.", "impossible to tell"],
  ["The text does not say.", "the text does not say"],
  ["The passage doesn’t mention when the bridge was built.", "the text does not say"],
  ["The article does not explicitly state the cause.", "the text does not say"],
  ["The author never specifies his age.", "the text does not say"],
  ["Based on the text, the context does not provide this.", "the text does not say"],
  ["Not mentioned in the text.", "not mentioned"],
  ["Not stated", "not mentioned"],
  ["It is not specified by the author.", "not mentioned"],
  ["There is no information about the price.", "no information"],
  ["No information is given.", "no information"],
  ["No answer provided", "no information"],
  ["Unknown", "unclear"],
  ["N/A", "unclear"],
  ["It is unclear whether the drug works.", "unclear"],
  ["I don't know.", "impossible to tell"],
  ["Don't know", "unclear"],
  ["None of the above", "none of the above"],
  ["None of these.", "none of the above"],
  ["No option is correct", "none of the above"],
  ["All of the options are wrong.", "none of the above"],
];

/** Ordinary answers that share words with the refusals. None may be flagged. */
const ANSWERS = [
  "Yes",
  "No.",
  "None",
  "None of them were injured in the crash.",
  "Neither",
  "Not yet: the vote is next week.",
  "The text says the bridge opened in 1932.",
  "Scientists cannot determine the age of the rock from color alone, so they use isotopes.",
  "Enough information was collected to publish the study.",
  "The known cause is a faulty valve.",
  "Mentioned twice: in the first and last paragraphs.",
  "Nobody knows the author's real name, according to the preface, but it is likely Ann Lee.",
  "Unknown soldiers were buried there.",
  "The passage describes the bridge.",
];

describe("unanswerable replies", () => {
  it.each(REFUSALS)("recognises %j", (reply, family) => {
    expect(unanswerableReply(reply)).toBe(family);
  });

  it.each(ANSWERS)("leaves the ordinary answer %j alone", (answer) => {
    expect(unanswerableReply(answer)).toBeNull();
  });

  it("has a tested example for every family", () => {
    const tested = new Set(REFUSALS.map(([, family]) => family));
    for (const { name } of UNANSWERABLE_PATTERNS) expect(tested.has(name), name).toBe(true);
  });
});

describe("isUnanswerable, in the pair's context", () => {
  const nli =
    "Premise: The shop opened in May.\nHypothesis: The shop is popular.\nDoes the premise " +
    "entail the hypothesis?\nOptions:\n- yes\n- it is not possible to tell\n- no";

  it("accepts an offered option, even one worded like a refusal", () => {
    expect(isUnanswerable({ question: nli, answer: "it is not possible to tell" })).toBe(false);
    const mc = "Who built it?\nOptions:\n- Ann\n- Bo\n- Not enough information";
    expect(isUnanswerable({ question: mc, answer: "Not enough information" })).toBe(false);
  });

  it("accepts a refusal-like label of an inference question without options", () => {
    const q = 'Given "The shop opened in May", can we conclude that "It is popular"?';
    expect(isUnanswerable({ question: q, answer: "It is not possible to tell." })).toBe(false);
  });

  it("flags a 'none of the above' answer to a multiple-choice question, with the pack's phrases", () => {
    const mc = "Who built it?\nOptions:\n- Ann\n- Bo";
    expect(isUnanswerable({ question: mc, answer: "Neither" })).toBe(true);
    expect(isUnanswerable({ question: mc, answer: "Neither" }, ["none at all"])).toBe(false);
    expect(isUnanswerable({ question: "Who won?", answer: "Neither" })).toBe(false);
  });

  it("judges the final answer of a chain of thought", () => {
    const question = "When was it built?\nLet's think step by step.";
    const refusal = "The text gives no date.\nTherefore, the answer is not enough information";
    expect(isUnanswerable({ question, answer: refusal })).toBe(true);
    const fine = "The text does not say much, but it names 1932.\nTherefore, the answer is 1932";
    expect(isUnanswerable({ question, answer: fine })).toBe(false);
  });

  it("flags a plain refusal", () => {
    expect(isUnanswerableReply("The text does not say.")).toBe(true);
    expect(
      isUnanswerable({ question: "When was it built?", answer: "The text does not say." }),
    ).toBe(true);
  });
});
