import type { PairFacts } from "./facts";

/** A pair's facts for tests, with defaults for what a test does not care about. */
export function facts(id: string, over: Partial<PairFacts> = {}): PairFacts {
  return {
    id,
    documentId: "d1",
    index: 0,
    question: `Question ${id}?`,
    answer: `Answer ${id}.`,
    status: "pending",
    grounding: null,
    scored: false,
    taskType: null,
    taskTypeSet: false,
    flags: [],
    group: null,
    edited: false,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}
