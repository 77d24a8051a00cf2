import { create } from "zustand";

/**
 * Live figures of the batch run in this tab: what changes many times a second (tokens, the
 * current document). Task states themselves are read from Dexie; these are only for display.
 */
export interface BatchLive {
  jobId: string;
  /** When this tab started (or resumed) the run, for speed and time remaining. */
  startedAt: number;
  /** Tasks finished since `startedAt`, and the total finished before it. */
  finishedHere: number;
  /** Streamed pieces since `startedAt` (about one token each). */
  tokens: number;
  pairs: number;
  currentDocumentId: string | null;
  /** The title of `currentDocumentId`, as the run read it (no query per chunk). */
  currentTitle: string | null;
}

interface JobState {
  live: BatchLive | null;
  begin: (jobId: string, now: number) => void;
  patch: (p: Partial<Omit<BatchLive, "jobId" | "startedAt">>) => void;
  end: () => void;
}

export const useJobLive = create<JobState>((set) => ({
  live: null,
  begin: (jobId, now) =>
    set({
      live: {
        jobId,
        startedAt: now,
        finishedHere: 0,
        tokens: 0,
        pairs: 0,
        currentDocumentId: null,
        currentTitle: null,
      },
    }),
  patch: (p) => set((s) => (s.live ? { live: { ...s.live, ...p } } : s)),
  end: () => set({ live: null }),
}));
