/**
 * Format flags (method spec, section 7): empty, very short or very long questions and answers,
 * and sub-formats that cooking would drop. The sub-format rules are cooking's own
 * (`parseSubformats`, `isNoneOfTheAbove`), so a flag here means exactly "cooking drops this pair".
 */
import { isNoneOfTheAbove } from "../cook/convert";
import { DEFAULT_TEMPLATE_PACK } from "../cook/default-pack";
import { pyStrip } from "../strip";
import { COT_TRIGGER, OPTIONS_MARKER, parseSubformats } from "../subformats";
import type { Pair } from "../types";
import { orderFlags, type Flag } from "./flags";
import { countWords } from "./normalize";

/**
 * A question needs this many words to say what it asks on its own. "Why?" or "Explain." only make
 * sense inside a conversation, and the pair is trained on without one. Two-word imperatives
 * ("Summarize this.") are flagged too: a hint to make the task explicit, not an error.
 */
export const MIN_QUESTION_WORDS = 3;
/**
 * One-word answers are normal (yes/no, names, numbers, option letters), so only an answer with no
 * word or number at all (".", "-", "?") is "very short".
 */
export const MIN_ANSWER_WORDS = 1;
/**
 * About 160 tokens: more than a third of the synthesizer's 400-token output for a question whose
 * options and step-by-step trigger are not counted. Such a question has usually copied the text
 * or looped.
 */
export const MAX_QUESTION_WORDS = 120;
/**
 * About 270 tokens: two thirds of the 400-token output for one answer, when a typical pair is
 * about 52 tokens. Past this the answer has usually copied the text or looped.
 */
export const MAX_ANSWER_WORDS = 200;

/** The question without its option list and step-by-step trigger: what the length rules read. */
function questionProper(question: string): string {
  let q = question.endsWith(COT_TRIGGER) ? question.slice(0, -COT_TRIGGER.length) : question;
  const at = q.indexOf(OPTIONS_MARKER);
  if (at >= 0) q = q.slice(0, at);
  return q;
}

/** Flags for empty, very short and very long questions and answers. */
export function lengthFlags(pair: Pair): Flag[] {
  const flags: Flag[] = [];
  if (pyStrip(pair.question) === "") {
    flags.push("emptyQuestion");
  } else {
    const words = countWords(questionProper(pair.question));
    if (words < MIN_QUESTION_WORDS) flags.push("shortQuestion");
    if (words > MAX_QUESTION_WORDS) flags.push("longQuestion");
  }
  if (pyStrip(pair.answer) === "") {
    flags.push("emptyAnswer");
  } else {
    const words = countWords(pair.answer);
    if (words < MIN_ANSWER_WORDS) flags.push("shortAnswer");
    if (words > MAX_ANSWER_WORDS) flags.push("longAnswer");
  }
  return flags;
}

/**
 * Flags for sub-formats cooking would drop: option or chain-of-thought markers that do not parse,
 * and a multiple-choice answer that is none of the options nor a "none of the above" phrase.
 */
export function subformatFlags(
  pair: Pair,
  nonePhrases: readonly string[] = DEFAULT_TEMPLATE_PACK.noneOfTheAbove.recognize,
): Flag[] {
  const sub = parseSubformats(pair);
  if (sub.kind === "broken") {
    return [sub.format === "multipleChoice" ? "brokenMultipleChoice" : "brokenChainOfThought"];
  }
  if ("answerIndex" in sub && sub.answerIndex < 0 && !isNoneOfTheAbove(sub.answer, nonePhrases)) {
    return ["answerNotAnOption"];
  }
  return [];
}

/**
 * All format flags of one pair, in badge order. `nonePhrases` are the "none of the above" phrases
 * cooking recognises (the default pack's unless a pack is given).
 */
export function formatFlags(
  pair: Pair,
  nonePhrases: readonly string[] = DEFAULT_TEMPLATE_PACK.noneOfTheAbove.recognize,
): Flag[] {
  return orderFlags([...lengthFlags(pair), ...subformatFlags(pair, nonePhrases)]);
}
