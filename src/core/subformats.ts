/**
 * The two sub-formats the synthesizer writes inside plain pairs (method spec, section 3):
 * multiple choice (options listed in the question) and chain of thought (a rationale before the
 * final answer). Cooking re-renders them; the quality layer classifies and flags them. The marker
 * strings are a contract with the trained model: do not change them.
 */
import { pyStrip } from "./strip";
import type { Pair } from "./types";

/** Separates the question stem from the first option. */
export const OPTIONS_MARKER = "\nOptions:\n- ";
/** Separates one option from the next. */
export const OPTION_SEPARATOR = "\n- ";
/** Ends a question that asks for a chain of thought. */
export const COT_TRIGGER = "\nLet's think step by step.";
/** Separates the rationale from the final answer inside a chain-of-thought answer. */
export const COT_ANSWER_MARKER = "\nTherefore, the answer is ";

/** A parsed multiple-choice question. */
export interface MultipleChoice {
  /** The text before the options, trimmed. */
  stem: string;
  /** The options in their written order, each trimmed. */
  options: string[];
}

/** A parsed chain-of-thought pair. */
export interface ChainOfThought {
  /** The question without the step-by-step trigger. */
  question: string;
  /** The reasoning, trimmed, with one trailing "." removed. */
  rationale: string;
  /** The final answer, trimmed. */
  answer: string;
}

/** Which sub-format failed to parse, and why (for the curator). */
export interface BrokenSubformat {
  kind: "broken";
  format: "multipleChoice" | "chainOfThought";
  reason: string;
}

/**
 * What a pair is. `answerIndex` is the first option equal to the (trimmed) answer, or -1: that is
 * a content problem, not a format one, so it is not "broken".
 */
export type SubformatResult =
  | { kind: "plain" }
  | ({ kind: "multipleChoice"; answer: string; answerIndex: number } & MultipleChoice)
  | ({ kind: "chainOfThought" } & ChainOfThought)
  | ({ kind: "multipleChoiceChainOfThought"; answerIndex: number } & MultipleChoice &
      Omit<ChainOfThought, "question">)
  | BrokenSubformat;

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/**
 * Parses the options out of a question. Returns null when the question is not multiple choice,
 * or a broken result when the marker repeats or an option is empty.
 */
export function parseMultipleChoice(question: string): MultipleChoice | BrokenSubformat | null {
  const count = occurrences(question, OPTIONS_MARKER);
  if (count === 0) return null;
  if (count > 1) {
    return broken("multipleChoice", `the options marker appears ${count} times`);
  }
  const at = question.indexOf(OPTIONS_MARKER);
  const stem = pyStrip(question.slice(0, at));
  const options = question
    .slice(at + OPTIONS_MARKER.length)
    .split(OPTION_SEPARATOR)
    .map(pyStrip);
  const empty = options.findIndex((o) => o === "");
  if (empty >= 0) return broken("multipleChoice", `option ${empty + 1} is empty`);
  return { stem, options };
}

/**
 * Parses a chain-of-thought pair. Returns null when the question does not end with the trigger,
 * or a broken result when the answer does not split cleanly into rationale and final answer.
 */
export function parseChainOfThought(
  question: string,
  answer: string,
): ChainOfThought | BrokenSubformat | null {
  if (!question.endsWith(COT_TRIGGER)) return null;
  const count = occurrences(answer, COT_ANSWER_MARKER);
  if (count !== 1) {
    return broken("chainOfThought", `the final-answer marker appears ${count} times, not once`);
  }
  const at = answer.indexOf(COT_ANSWER_MARKER);
  let rationale = pyStrip(answer.slice(0, at));
  if (rationale.endsWith(".")) rationale = rationale.slice(0, -1);
  const final = pyStrip(answer.slice(at + COT_ANSWER_MARKER.length));
  // Either half missing means the model was cut off or rambled; nothing sensible to render.
  if (rationale === "") return broken("chainOfThought", "the rationale is empty");
  if (final === "") return broken("chainOfThought", "the final answer is empty");
  return { question: question.slice(0, -COT_TRIGGER.length), rationale, answer: final };
}

/** Index of the first option equal to the answer after trimming both, or -1. */
export function matchOption(options: readonly string[], answer: string): number {
  const wanted = pyStrip(answer);
  return options.findIndex((o) => pyStrip(o) === wanted);
}

/**
 * Recognises the sub-formats of one pair. Chain of thought is checked first because its trigger
 * ends the question, after the option list; the options are then read from the remainder.
 */
export function parseSubformats(pair: Pair): SubformatResult {
  const cot = parseChainOfThought(pair.question, pair.answer);
  if (cot !== null && "kind" in cot) return cot;
  const mc = parseMultipleChoice(cot === null ? pair.question : cot.question);
  if (mc !== null && "kind" in mc) return mc;
  if (cot === null) {
    if (mc === null) return { kind: "plain" };
    const answer = pyStrip(pair.answer);
    return { kind: "multipleChoice", ...mc, answer, answerIndex: matchOption(mc.options, answer) };
  }
  if (mc === null) return { kind: "chainOfThought", ...cot };
  return {
    kind: "multipleChoiceChainOfThought",
    ...mc,
    rationale: cot.rationale,
    answer: cot.answer,
    answerIndex: matchOption(mc.options, cot.answer),
  };
}

function broken(format: BrokenSubformat["format"], reason: string): BrokenSubformat {
  return { kind: "broken", format, reason };
}
