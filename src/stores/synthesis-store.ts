import { create } from "zustand";
import type { Pair } from "../core/types";

export interface LiveSynthesis {
  documentId: string;
  raw: string;
  /** Streamed pieces so far; WebLLM and vLLM send about one token per piece. */
  chunks: number;
  pairs: Pair[];
  startedAt: number;
  retries: { attempt: number; reason: string }[];
  stop: () => void;
}

interface SynthesisState {
  live: LiveSynthesis | null;
  /** Speed of the last finished synthesis, shown in the header. */
  lastTokensPerSecond: number | null;
  begin: (live: LiveSynthesis) => void;
  update: (patch: Partial<Pick<LiveSynthesis, "raw" | "chunks" | "pairs" | "retries">>) => void;
  end: (tokensPerSecond: number | null) => void;
}

/** Streaming state changes many times a second, so it lives here and never in Dexie. */
export const useSynthesis = create<SynthesisState>((set) => ({
  live: null,
  lastTokensPerSecond: null,
  begin: (live) => set({ live }),
  update: (patch) => set((s) => (s.live ? { live: { ...s.live, ...patch } } : s)),
  end: (tokensPerSecond) =>
    set((s) => ({ live: null, lastTokensPerSecond: tokensPerSecond ?? s.lastTokensPerSecond })),
}));
