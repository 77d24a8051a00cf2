/**
 * The quality flags a pair can carry (method spec, section 7). Flags are hints for the curator:
 * nothing is deleted because of them. The strings are stored with each pair: DO NOT RENAME a flag
 * without a database version bump that rewrites the stored ones.
 */
export type Flag =
  | "emptyQuestion"
  | "shortQuestion"
  | "longQuestion"
  | "emptyAnswer"
  | "shortAnswer"
  | "longAnswer"
  | "brokenMultipleChoice"
  | "brokenChainOfThought"
  | "answerNotAnOption"
  | "unanswerable"
  | "weakGrounding"
  | "duplicate"
  | "nearDuplicate";

/** Every flag, in the order badges are shown (format problems first, then content, then set). */
export const FLAGS: readonly Flag[] = [
  "emptyQuestion",
  "shortQuestion",
  "longQuestion",
  "emptyAnswer",
  "shortAnswer",
  "longAnswer",
  "brokenMultipleChoice",
  "brokenChainOfThought",
  "answerNotAnOption",
  "unanswerable",
  "weakGrounding",
  "duplicate",
  "nearDuplicate",
];

/** A short label for each flag, for badges. */
export const FLAG_LABELS: Readonly<Record<Flag, string>> = {
  emptyQuestion: "Empty question",
  shortQuestion: "Very short question",
  longQuestion: "Very long question",
  emptyAnswer: "Empty answer",
  shortAnswer: "No words in answer",
  longAnswer: "Very long answer",
  brokenMultipleChoice: "Options don't parse",
  brokenChainOfThought: "Reasoning doesn't parse",
  answerNotAnOption: "Answer isn't an option",
  unanswerable: "Unanswerable",
  weakGrounding: "Weakly grounded",
  duplicate: "Duplicate",
  nearDuplicate: "Near-duplicate",
};

/** One sentence per flag, for a badge's tooltip. */
export const FLAG_DESCRIPTIONS: Readonly<Record<Flag, string>> = {
  emptyQuestion: "The question is empty. The reference keeps such pairs; most are mistakes.",
  shortQuestion: "The question is too short to say what it asks without the conversation.",
  longQuestion: "The question is very long: the model may have copied the text or looped.",
  emptyAnswer: "The answer is empty.",
  shortAnswer: "The answer has no word or number, only punctuation or symbols.",
  longAnswer: "The answer is very long: the model may have copied the text or looped.",
  brokenMultipleChoice: "The options are marked but do not parse; cooking drops this pair.",
  brokenChainOfThought:
    "The question asks for steps but the answer has no single final answer; cooking drops it.",
  answerNotAnOption:
    "The answer matches none of the options and is not 'none of the above'; cooking drops it.",
  unanswerable: "The answer says the text does not allow an answer.",
  weakGrounding: "Less than half of the answer's content words appear in the text.",
  duplicate: "Another pair of the project asks the same question.",
  nearDuplicate: "Another pair of the project asks almost the same question.",
};

/** Sorts flags into {@link FLAGS} order and drops repeats. */
export function orderFlags(flags: Iterable<Flag>): Flag[] {
  const set = new Set(flags);
  return FLAGS.filter((f) => set.has(f));
}

/** A duplicate group as badges name it: the start of its id, enough to tell groups apart. */
export const groupLabel = (group: string): string => `Group ${group.slice(0, 6)}`;

/** What a duplicate group badge means, for its tooltip. */
export const GROUP_DESCRIPTION =
  "The duplicate group: every pair in it asks the same or almost the same question.";
