/**
 * "Unanswerable" answers (method spec, section 7): replies that say the text does not allow an
 * answer ("Not enough information.", "The passage does not say.", "None of the above"). They are
 * sometimes right, but they teach little and often mean the question was badly synthesized.
 */
import { isNoneOfTheAbove } from "../cook/convert";
import { DEFAULT_TEMPLATE_PACK } from "../cook/default-pack";
import { COT_ANSWER_MARKER, parseSubformats } from "../subformats";
import type { Pair } from "../types";
import { taskTypeOf } from "./task-type";

/** A named family of replies. Patterns run on {@link replyForm}. */
export interface UnanswerablePattern {
  name: string;
  pattern: RegExp;
}

/** Optional openings that do not change what the reply says. */
const LEAD = String.raw`^(?:(?:sorry|unfortunately|however|based on (?:the|this) (?:text|passage|article|context|information(?: given| provided)?)|(?:from|in) (?:the|this) (?:text|passage|article|context))[,:]? )?`;
const SOURCE = String.raw`(?:text|passage|article|context|document|paragraph|excerpt|story|author|writer|source|information(?: given| provided)?|given text|provided text|input)`;
const NEGATED = String.raw`(?:does not|doesn't|did not|didn't|do not|don't|fails to|never)`;
const TELLS = String.raw`(?:says?|states?|mentions?|specif(?:y|ies)|provides?|tells?|gives?|indicates?|includes?|contains?|discuss(?:es)?|address(?:es)?|reveals?|describes?|explains?|answers?|clarif(?:y|ies)|offers?|talks? about)`;

const lead = (body: string): RegExp => new RegExp(`${LEAD}(?:${body})`, "u");
const whole = (body: string): RegExp => new RegExp(`^(?:${body})$`, "u");

/** The reply families, most specific first. Each is covered by tests. */
export const UNANSWERABLE_PATTERNS: readonly UnanswerablePattern[] = [
  {
    name: "unanswerable",
    pattern: lead(
      String.raw`(?:(?:it|this|this question|the question) (?:is )?|it's )?(?:unanswerable|not answerable|impossible to answer|(?:cannot|can't|can not) be answered)`,
    ),
  },
  {
    name: "not enough information",
    pattern: lead(
      String.raw`(?:there is |there's |we have |i have )?(?:not enough|insufficient|too little|no sufficient) (?:information|info|context|detail|details|data|evidence)`,
    ),
  },
  {
    name: "cannot be determined",
    pattern: lead(
      String.raw`(?:(?:it|this|that|the answer) )?(?:cannot|can't|can not|could not|couldn't) be (?:determined|known|inferred|concluded|told|said|found|answered)`,
    ),
  },
  {
    name: "impossible to tell",
    pattern: lead(
      String.raw`(?:(?:it is|it's|it was) )?(?:impossible|not possible|unable) to (?:determine|tell|say|know|answer|infer)|(?:i|we) (?:cannot|can't|do not|don't) (?:know|tell|say|determine)|there is no way to (?:know|tell|determine|say)`,
    ),
  },
  {
    name: "the text does not say",
    pattern: lead(String.raw`(?:the |this |that )?${SOURCE} ${NEGATED} (?:\w+ )?${TELLS}`),
  },
  {
    name: "not mentioned",
    pattern: lead(
      String.raw`(?:(?:this|that|it) is |it's |that's )?(?:not|never) (?:mentioned|stated|specified|given|provided|discussed|indicated|addressed|said|known)(?: in| by| from|$)`,
    ),
  },
  {
    name: "no information",
    pattern: lead(
      String.raw`there (?:is|are|was) no (?:information|mention|data|details?|indication|evidence|answer)|no (?:information|mention|data|details?|answer) (?:is |are |was )?(?:given|provided|available|mentioned|stated)`,
    ),
  },
  {
    name: "unclear",
    pattern: lead(
      String.raw`(?:(?:it is|it's|this is|that is) )?(?:unclear|not clear|uncertain)|unknown$|undetermined$|n/?a$|not applicable$|no idea$|(?:i )?(?:do not|don't) know$`,
    ),
  },
  {
    name: "none of the above",
    pattern: whole(
      String.raw`none of (?:the above|the above options|these|those|them|the options|the choices|the answers|the given options)|(?:no|not any) (?:of the )?(?:options?|choices?|answers?) (?:is|are) correct|all (?:of the )?options are (?:wrong|incorrect)|no correct (?:option|answer|choice)`,
    ),
  },
];

/** Lower case, straight apostrophes, single spaces, no trailing punctuation: how replies compare. */
export function replyForm(answer: string): string {
  return answer
    .toLowerCase()
    .replaceAll("\u2019", "'")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/[\s.!,;:]+$/u, "");
}

/** The name of the family the reply belongs to, or null when it is an ordinary answer. */
export function unanswerableReply(answer: string): string | null {
  const form = replyForm(answer);
  for (const { name, pattern } of UNANSWERABLE_PATTERNS) if (pattern.test(form)) return name;
  return null;
}

/** True when the reply says the question cannot be answered. */
export function isUnanswerableReply(answer: string): boolean {
  return unanswerableReply(answer) !== null;
}

/**
 * True when a pair's answer is an unanswerable-type reply, judged in context: an answer that is
 * one of the pair's own options ("it is not possible to tell" offered as an option) or the label
 * of an inference question is a legitimate answer, not a refusal. For a multiple-choice question,
 * the pack's "none of the above" phrases (the ones cooking recognises) also count. For a chain of
 * thought, the final answer is what is judged.
 */
export function isUnanswerable(
  pair: Pair,
  nonePhrases: readonly string[] = DEFAULT_TEMPLATE_PACK.noneOfTheAbove.recognize,
): boolean {
  const sub = parseSubformats(pair);
  if ("answerIndex" in sub && sub.answerIndex >= 0) return false;
  if (taskTypeOf(pair.question, pair.answer) === "nli") return false;
  const final =
    sub.kind === "chainOfThought" || sub.kind === "multipleChoiceChainOfThought"
      ? sub.answer
      : (pair.answer.split(COT_ANSWER_MARKER).pop() ?? pair.answer);
  if (sub.kind === "multipleChoice" || sub.kind === "multipleChoiceChainOfThought") {
    if (isNoneOfTheAbove(final, nonePhrases)) return true;
  }
  return isUnanswerableReply(final);
}
