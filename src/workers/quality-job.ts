import type { DuplicateMark, StoredQuality } from "../core/rows";

/** The quality worker's requests (see quality.worker.ts). */
export type QualityRequest =
  /** Scores pairs against their chunk's text. */
  | {
      kind: "score";
      chunks: { text: string; pairs: { id: string; question: string; answer: string }[] }[];
    }
  /** Empties the near-duplicate index (another project was opened). */
  | { kind: "resetDuplicates" }
  /** Adds or re-adds (after an edit) questions to the near-duplicate index. */
  | { kind: "addQuestions"; items: { id: string; question: string }[] }
  /** Forgets deleted pairs. */
  | { kind: "removeQuestions"; ids: string[] };

export type QualityReply =
  | { kind: "scores"; scores: { id: string; quality: StoredQuality }[] }
  /** The marks of every pair whose duplicate group may have changed (null: no longer one). */
  | { kind: "marks"; marks: { id: string; duplicate: DuplicateMark | null }[]; indexed: number };
