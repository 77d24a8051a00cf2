/**
 * The quality of one pair, computed whenever a pair is created or edited (method spec, section
 * 7). Pure and fast: index the chunk once with `indexSource`, then score each of its pairs.
 * Project-wide duplicate flags come from the {@link NearDuplicateIndex} instead, because they
 * depend on the other pairs.
 */
import { COT_ANSWER_MARKER } from "../subformats";
import type { Pair } from "../types";
import { orderFlags, type Flag } from "./flags";
import { formatFlags } from "./format-flags";
import { groundingIn, type SourceIndex, type Span } from "./grounding";
import { taskTypeOf, type TaskType } from "./task-type";
import { isUnanswerable } from "./unanswerable";

/** What the curation workbench shows for one pair. */
export interface PairQuality {
  /** Grounding score in [0, 1], or null when the answer has no content word (see `Grounding`). */
  grounding: number | null;
  /** Evidence passages in the source text (UTF-16 offsets), sorted and non-overlapping. */
  spans: Span[];
  /** Every flag this pair raises on its own, in badge order (no duplicate flags here). */
  flags: Flag[];
  taskType: TaskType;
}

/**
 * Below this grounding score, less than half of the answer's content words appear in the text:
 * the answer probably comes from the model's own knowledge, or is wrong.
 */
export const WEAK_GROUNDING = 0.5;

/**
 * The task types whose answers should come from the text. Math, code, commonsense, sentiment,
 * inference, paraphrase and open generation answer from reasoning or world knowledge, so low
 * overlap says nothing about them.
 */
export const GROUNDED_TASK_TYPES: ReadonlySet<TaskType> = new Set<TaskType>([
  "freeFormQa",
  "extraction",
  "summarization",
  "multipleChoice",
  "chainOfThought",
]);

/** The quality signals of one pair against its chunk's source index. */
export function qualityOf(
  pair: Pair,
  source: SourceIndex,
  nonePhrases?: readonly string[],
): PairQuality {
  // The final-answer marker is our template wording, not the model's claim about the text.
  const claim = pair.answer.split(COT_ANSWER_MARKER).join("\n");
  const { score, spans } = groundingIn(source, claim);
  const taskType = taskTypeOf(pair.question, pair.answer);
  const flags = formatFlags(pair, nonePhrases);
  if (isUnanswerable(pair, nonePhrases)) {
    // A refusal is not expected to quote the text; one flag says it all.
    flags.push("unanswerable");
  } else if (score !== null && score < WEAK_GROUNDING && GROUNDED_TASK_TYPES.has(taskType)) {
    flags.push("weakGrounding");
  }
  return { grounding: score, spans, flags: orderFlags(flags), taskType };
}
