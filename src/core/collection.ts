import type { Pair } from "./types";

/**
 * One synthesized document inside a collection (method spec, section 4): what the rounds planner
 * produces, cooking consumes, and the collections JSONL interchanges.
 */
export interface Entry {
  text: string;
  pairs: Pair[];
  /** True when this entry was synthesized with the previous entry as its demonstration. */
  inheritsFromPrevious: boolean;
  /** True when the next round used this entry as a demonstration. */
  followedByNext: boolean;
  /**
   * The caller's identifier for the text (e.g. its index in the input), when it passed one to
   * the rounds planner. Carried through unchanged; texts alone may repeat, so callers that map
   * entries back to documents need it.
   */
  source?: number;
}

/** Entries chained by multi-round synthesis; it becomes one or more pre-training texts. */
export type Collection = Entry[];
