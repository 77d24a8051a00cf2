/**
 * The task type of a pair, for the diversity view (method spec, section 7): a rule-based reading
 * of the question's form. Stored with each pair: DO NOT RENAME a type without a database version
 * bump that rewrites the stored ones.
 */
import { COT_TRIGGER, OPTIONS_MARKER } from "../subformats";
import {
  coreQuestion,
  isCode,
  isCommonsense,
  isExtraction,
  isGeneration,
  isLooseChainOfThought,
  isLooseMultipleChoice,
  isMath,
  isNli,
  isOpenQuestion,
  isParaphrase,
  isSentiment,
  isSummarization,
  isYesNo,
  questionForm,
} from "./task-type-cues";

export type TaskType =
  | "freeFormQa"
  | "multipleChoice"
  | "chainOfThought"
  | "yesNo"
  | "extraction"
  | "summarization"
  | "nli"
  | "sentiment"
  | "paraphrase"
  | "commonsense"
  | "math"
  | "code"
  | "other";

/** Every task type, in the order the diversity view lists them. */
export const TASK_TYPES: readonly TaskType[] = [
  "freeFormQa",
  "multipleChoice",
  "chainOfThought",
  "yesNo",
  "extraction",
  "summarization",
  "nli",
  "sentiment",
  "paraphrase",
  "commonsense",
  "math",
  "code",
  "other",
];

/** A short label for each task type. */
export const TASK_TYPE_LABELS: Readonly<Record<TaskType, string>> = {
  freeFormQa: "Free-form QA",
  multipleChoice: "Multiple choice",
  chainOfThought: "Chain of thought",
  yesNo: "Yes/no",
  extraction: "Extraction",
  summarization: "Summary or title",
  nli: "Inference (NLI)",
  sentiment: "Sentiment",
  paraphrase: "Paraphrase",
  commonsense: "Commonsense",
  math: "Math or numeric",
  code: "Code",
  other: "Other",
};

/**
 * Classifies a question (and, when given, its answer) by form. The first rule that fires wins:
 *
 * 1. code (code is unmistakable and wants its own reviewers);
 * 2. chain of thought (the synthesizer's own sub-format);
 * 3. inference, paraphrase, sentiment: skills whose options are labels ("yes / it is not possible
 *    to tell / no", "positive / negative"), so they win over the multiple-choice form;
 * 4. multiple choice (the synthesizer's option list, or a loose "A) … B) …");
 * 5. math, summary or title, commonsense (the latter only when the text is not mentioned);
 * 6. yes/no (auxiliary verb first, or a yes/no answer), extraction (who, when, where, list, name
 *    …), generation requests ("translate", "write a poem": other), then any remaining question
 *    (free-form QA); anything else, including an empty question, is "other".
 */
export function taskTypeOf(question: string, answer = ""): TaskType {
  const form = questionForm(question);
  if (form === "") return "other";
  const q = coreQuestion(form);
  if (isCode(form, answer)) return "code";
  if (question.trimEnd().endsWith(COT_TRIGGER.trim()) || isLooseChainOfThought(form)) {
    return "chainOfThought";
  }
  if (isNli(form)) return "nli";
  if (isParaphrase(form)) return "paraphrase";
  if (isSentiment(form, answer)) return "sentiment";
  if (question.includes(OPTIONS_MARKER) || isLooseMultipleChoice(form)) return "multipleChoice";
  if (isMath(form)) return "math";
  if (isSummarization(form)) return "summarization";
  if (isCommonsense(form)) return "commonsense";
  if (isYesNo(q, answer)) return "yesNo";
  if (isExtraction(q)) return "extraction";
  if (isGeneration(q)) return "other";
  if (isOpenQuestion(q)) return "freeFormQa";
  return "other";
}
