/**
 * The paper's reference figures, quoted from the method spec (section 1), so the Insights page
 * can show them beside the project's own. DO NOT CHANGE a number without the spec changing:
 * they are citations, not settings.
 */

/** About how many pairs the synthesizer writes for one raw text. */
export const REFERENCE_PAIRS_PER_TEXT = 5;

/** About how many tokens one synthesized pair has. */
export const REFERENCE_TOKENS_PER_PAIR = 52;

/** How many categories the paper's task analysis found (the studio's classifier has 13). */
export const REFERENCE_TASK_CATEGORIES = 49;

export type ReferenceDomain = "general" | "biomedicine" | "finance";

/** The quality of synthesized pairs as judged by GPT-4 on 500 samples, in percent. */
export const REFERENCE_QUALITY: Readonly<
  Record<ReferenceDomain, { contextRelevance: number; responseAccuracy: number }>
> = {
  general: { contextRelevance: 92.9, responseAccuracy: 77.5 },
  biomedicine: { contextRelevance: 99.4, responseAccuracy: 86.2 },
  finance: { contextRelevance: 85.8, responseAccuracy: 69.8 },
};

export const REFERENCE_DOMAINS: readonly ReferenceDomain[] = ["general", "biomedicine", "finance"];

/** Where the figures come from, for a footnote. */
export const REFERENCE_SOURCE =
  "Instruction Pre-Training: Language Models are Supervised Multitask Learners (arXiv 2406.14491)";
