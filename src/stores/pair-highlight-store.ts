import { create } from "zustand";

interface PairHighlightState {
  /** The pair under the pointer: the document shows its evidence instead of the focused pair's. */
  hoveredPairId: string | null;
  /** Set when a pair gets keyboard focus, so the document scrolls to its evidence once. */
  reveal: { pairId: string; nonce: number } | null;
  hover: (pairId: string | null) => void;
  revealPair: (pairId: string) => void;
}

/** Which pair's grounded spans the document highlights; UI state only. */
export const usePairHighlight = create<PairHighlightState>((set) => ({
  hoveredPairId: null,
  reveal: null,
  hover: (hoveredPairId) => set({ hoveredPairId }),
  revealPair: (pairId) =>
    set((s) => ({ hoveredPairId: null, reveal: { pairId, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
}));
