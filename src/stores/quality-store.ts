import { create } from "zustand";

/**
 * What the background quality keeper is doing, for a status line: loading the project's
 * questions into the duplicate index, scoring stale pairs, or idle (everything is current).
 */
export interface QualityStatus {
  phase: "idle" | "indexing" | "scoring";
  /** Questions in the near-duplicate index. */
  indexed: number;
  /** Pairs still waiting for scores (as of the last pass). */
  stale: number;
  /** Pairs scored since the keeper started, and when it started its current phase. */
  scored: number;
  since: number;
}

interface QualityState extends QualityStatus {
  update: (p: Partial<QualityStatus>) => void;
}

export const useQualityStatus = create<QualityState>((set) => ({
  phase: "idle",
  indexed: 0,
  stale: 0,
  scored: 0,
  since: 0,
  update: (p) => set(p),
}));
